package invoicegroups.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import invoicegroups.boundary.StrictJson;
import invoicegroups.entity.PagePosition;
import invoicegroups.entity.PageRequest;
import invoicegroups.entity.SortOrder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The parser on payload format 1.0's two parameter maps, without the handler. */
class PageRequestParserTest {

    private final NextTokenCodec tokens = new NextTokenCodec(StrictJson.factory());
    private final PageRequestParser parser = new PageRequestParser(tokens);

    @Test
    void noQueryStringMeansTheDefaults() {
        assertThat(parser.parse(null, null)).isEqualTo(new PageRequest(20, SortOrder.ASC, Optional.empty()));
        assertThat(parser.parse(Map.of(), Map.of())).isEqualTo(new PageRequest(20, SortOrder.ASC, Optional.empty()));
    }

    @Test
    void aRepeatedParameterIsFoundInTheMultiValueMapThoughTheSingleValueMapHoldsOnlyTheLast() {
        assertThatThrownBy(() -> parser.parse(Map.of("pageSize", List.of("5", "50")), Map.of("pageSize", "50")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("pageSize must not be repeated");
        assertThatThrownBy(() -> parser.parse(Map.of("sortOrder", List.of("asc", "asc")), Map.of("sortOrder", "asc")))
                .hasMessage("sortOrder must not be repeated");
    }

    @Test
    void aRepeatIsRefusedBeforeAnyValueIsJudged() {
        assertThatThrownBy(() -> parser.parse(
                Map.of("pageSize", List.of("0"), "nextToken", List.of("a", "b")),
                Map.of("pageSize", "0", "nextToken", "b")))
                .hasMessage("nextToken must not be repeated");
    }

    @Test
    void otherParametersMayRepeat() {
        PageRequest request = parser.parse(Map.of("tag", List.of("x", "y"), "pageSize", List.of("7")),
                Map.of("tag", "y", "pageSize", "7"));

        assertThat(request.pageSize()).isEqualTo(7);
    }

    @Test
    void eitherMapAloneIsEnough() {
        String token = tokens.encode(new PagePosition("ig_00002", 3, SortOrder.DESC));

        assertThat(parser.parse(Map.of("nextToken", List.of(token)), null))
                .isEqualTo(new PageRequest(3, SortOrder.DESC, Optional.of("ig_00002")));
        assertThat(parser.parse(null, Map.of("nextToken", token, "pageSize", "9")))
                .isEqualTo(new PageRequest(9, SortOrder.DESC, Optional.of("ig_00002")));
    }

    @Test
    void anEmptyValueIsJudgedLikeAnyOther() {
        assertThatThrownBy(() -> parser.parse(Map.of("pageSize", List.of("")), Map.of("pageSize", "")))
                .hasMessage("pageSize must be an integer from 1 to 100");
    }
}
