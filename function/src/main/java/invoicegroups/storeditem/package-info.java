/**
 * A stored item's one way to an {@link invoicegroups.entity.InvoiceGroup}, in this order:
 * <ol>
 *   <li>the raw item: {@link invoicegroups.storeditem.StoredItemSchema} reads each item of a Query page as DynamoDB
 *       returns it (a map of attribute values), without mapping it yet;</li>
 *   <li>the contract: {@link invoicegroups.storeditem.InvoiceGroupItemContract} checks it against the seed's
 *       {@code InvoiceGroups} schema (ids by {@link invoicegroups.storeditem.InvoiceGroupIds}); an item that breaks it
 *       is left out, never repaired;</li>
 *   <li>the mapping: {@link invoicegroups.storeditem.InvoiceGroupTableSchema} maps a valid item to an
 *       {@code InvoiceGroup} (a {@code StaticImmutableTableSchema}, no reflection) and names the projection;</li>
 *   <li>the converters: {@link invoicegroups.storeditem.AttributeConverters}, one per attribute type, read each
 *       attribute's DynamoDB type directly;</li>
 *   <li>the instants: {@link invoicegroups.storeditem.IsoInstants} parses {@code createdAt}/{@code updatedAt} (and
 *       writes them back into the page's JSON) with the verdict of {@code Instant.parse}.</li>
 * </ol>
 * The same contract checks the data files that {@code ops import} and the local runner load.
 */
package invoicegroups.storeditem;
