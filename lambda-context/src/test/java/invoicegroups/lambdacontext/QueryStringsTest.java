package invoicegroups.lambdacontext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryStringsTest {

    @Test
    void decodesEveryValueOfEachParameterInOrder() {
        Map<String, List<String>> parameters = QueryStrings.multiValue("pageSize=5&nextToken=a%2Bb%3D&pageSize=7&flag&&x=a+b");

        assertThat(parameters).containsExactly(Map.entry("pageSize", List.of("5", "7")),
                Map.entry("nextToken", List.of("a+b=")), Map.entry("flag", List.of("")), Map.entry("x", List.of("a b")));
        assertThat(QueryStrings.lastValues(parameters)).containsEntry("pageSize", "7").containsEntry("flag", "");
    }

    @Test
    void noParametersIsNullAsApiGatewaySendsIt() {
        assertThat(QueryStrings.multiValue(null)).isNull();
        assertThat(QueryStrings.multiValue("")).isNull();
        assertThat(QueryStrings.multiValue("&&")).isNull();
        assertThat(QueryStrings.lastValues(null)).isNull();
    }

    @Test
    void aMalformedEscapeIsKeptAsItCame() {
        assertThat(QueryStrings.multiValue("nextToken=%zz")).containsEntry("nextToken", List.of("%zz"));
    }

    @Test
    void pairsKeepEveryPairInOrderAndLetTheDecoderRefuse() {
        assertThat(QueryStrings.pairs("grant_type=client_credentials&scope=a%20b&scope=c&flag", QueryStrings::decode))
                .containsExactly(Map.entry("grant_type", "client_credentials"), Map.entry("scope", "a b"),
                        Map.entry("scope", "c"), Map.entry("flag", ""));
        assertThat(QueryStrings.pairs(null, QueryStrings::decode)).isEmpty();
        assertThatThrownBy(() -> QueryStrings.pairs("x=%zz", raw -> {
            throw new IllegalArgumentException("refused");
        })).hasMessage("refused");
    }
}
