using System.Text.Json.Nodes;

namespace Jiedan.Contract.Tests.Boundaries;

/// <summary>
/// One test per constraint kind: the same values, at and beyond each bound, are accepted or refused alike by the OpenAPI
/// schema (JSON Schema) and the proto message (protovalidate). Lengths are counted in code points on both sides.
/// </summary>
public sealed class BoundaryTests
{
    private const string Emoji = "😀";
    private const string Cjk = "中";

    [Theory]
    [InlineData("a", false)]
    [InlineData(Cjk, false)]
    [InlineData(Emoji, false)]
    [InlineData("ab", true)]
    [InlineData(Cjk + Cjk, true)]
    [InlineData(Emoji + Emoji, true)]
    public void Length_two_to_32_code_points_at_the_lower_bound(string name, bool valid) => Same("name", name, valid);

    [Theory]
    [InlineData("a", 32, true)]
    [InlineData("a", 33, false)]
    [InlineData(Cjk, 32, true)]
    [InlineData(Cjk, 33, false)]
    [InlineData(Emoji, 32, true)]
    [InlineData(Emoji, 33, false)]
    public void Length_two_to_32_code_points_at_the_upper_bound(string unit, int count, bool valid) =>
        Same("name", string.Concat(Enumerable.Repeat(unit, count)), valid);

    [Fact]
    public void Required_refuses_an_absent_field_on_both_sides()
    {
        foreach (var field in new[] { "name", "seen_at", "tags" })
        {
            var probe = BothValidators.Base();
            probe.Remove(field);
            Assert.Equal((false, false), BothValidators.Accepts(probe));
        }
        Assert.Equal((true, true), BothValidators.Accepts(BothValidators.Base()));
    }

    [Theory]
    [InlineData("ABC-1234", true)]
    [InlineData("abc-1234", false)]
    [InlineData("ABC-123", false)]
    [InlineData("ABC-12345", false)]
    [InlineData("中文-1234", false)]
    public void Pattern(string code, bool valid) => Same("code", code, valid);

    [Theory]
    [InlineData("user@example.com", true)]
    [InlineData("用户@example.com", false)]
    [InlineData("user.example.com", false)]
    [InlineData("user@", false)]
    public void Format_email(string email, bool valid) => Same("email", email, valid);

    [Theory]
    [InlineData("3fa85f64-5717-4562-b3fc-2c963f66afa6", true)]
    [InlineData("3fa85f64-5717-4562-b3fc", false)]
    [InlineData("zzzzzzzz-5717-4562-b3fc-2c963f66afa6", false)]
    public void Format_uuid(string id, bool valid) => Same("ref_id", id, valid);

    [Theory]
    [InlineData("https://example.com/a?b=1", true)]
    [InlineData("/relative/path", false)]
    [InlineData("not a uri", false)]
    public void Format_uri(string uri, bool valid) => Same("homepage", uri, valid);

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(150, true)]
    [InlineData(151, false)]
    public void Integer_minimum_and_maximum(int count, bool valid) => Same("count", count, valid);

    [Theory]
    [InlineData(-6L, false)]
    [InlineData(-5L, true)]
    [InlineData(9_000_000_000L, true)]
    [InlineData(9_000_000_001L, false)]
    public void Int64_minimum_and_maximum(long big, bool valid) => Same("big", big, valid);

    [Theory]
    [InlineData(0.49, false)]
    [InlineData(0.5, true)]
    [InlineData(99.5, true)]
    [InlineData(99.51, false)]
    public void Number_minimum_and_maximum(double ratio, bool valid) => Same("ratio", ratio, valid);

    [Theory]
    [InlineData("active", true)]
    [InlineData("banned", true)]
    [InlineData("deleted", false)]
    public void Enum_values(string status, bool valid) => Same("status", status, valid);

    [Theory]
    [InlineData(new[] { "a", "b" }, true)]
    [InlineData(new[] { Emoji + Emoji + Emoji + Emoji + Emoji }, true)]
    [InlineData(new string[0], false)]
    [InlineData(new[] { "a", "a" }, false)]
    [InlineData(new[] { "abcdef" }, false)]
    [InlineData(new[] { "" }, false)]
    public void List_required_unique_and_item_lengths(string[] tags, bool valid) =>
        Same("tags", new JsonArray(tags.Select(t => JsonValue.Create(t)).ToArray<JsonNode?>()), valid);

    [Theory]
    [InlineData(new[] { "low", "high" }, true)]
    [InlineData(new[] { "mid" }, false)]
    public void Enum_list_items(string[] levels, bool valid) =>
        Same("levels", new JsonArray(levels.Select(t => JsonValue.Create(t)).ToArray<JsonNode?>()), valid);

    private static void Same(string field, JsonNode? value, bool valid)
    {
        var probe = BothValidators.Base();
        probe[field] = value;

        var (openApi, proto) = BothValidators.Accepts(probe);

        Assert.True(openApi == valid,
            $"OpenAPI (JSON Schema) {(openApi ? "accepts" : "refuses")} {field}, expected {(valid ? "accept" : "refuse")}");
        Assert.True(proto == valid,
            $"proto (protovalidate) {(proto ? "accepts" : "refuses")} {field}, expected {(valid ? "accept" : "refuse")}: "
            + BothValidators.ProtoViolations(probe));
    }
}
