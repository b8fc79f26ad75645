using System.Text;
using Jiedan.Domain.Bot;
using Jiedan.Domain.Bot.Telegram;

namespace Jiedan.Domain.Tests.Bot;

public class TelegramUpdateIdTests
{
    private static string Nested(int levels) =>
        "{\"update_id\": 7, \"message\": " + new StringBuilder().Insert(0, "[", levels) + new StringBuilder().Insert(0, "]", levels) + "}";

    [Fact]
    public void Inspect_AnUpdate_ReturnsItsId() =>
        Assert.Equal((7L, null, null), TelegramUpdateId.Inspect("""{"message": {"text": "{\"update_id\": 1}"}, "update_id": 7}"""u8));

    [Fact]
    public void Inspect_NestedUpToTheLimit_IsAccepted() =>
        Assert.Equal(7L, TelegramUpdateId.Inspect(Encoding.UTF8.GetBytes(Nested(TelegramUpdateId.MaxDepth - 1))).Id);

    [Fact]
    public void Inspect_NestedDeeperThanTheLimit_EvenAfterUpdateId_IsRefused()
    {
        var (id, field, problem) = TelegramUpdateId.Inspect(Encoding.UTF8.GetBytes(Nested(100_000)));
        Assert.Equal((null, "update"), (id, field));
        Assert.StartsWith($"nested deeper than {TelegramUpdateId.MaxDepth} levels", problem);
    }

    [Theory]
    [InlineData("{\"update_id\": 1, \"update_id\": 2}", "update_id", "given more than once")]
    [InlineData("{\"update_id\": 1, \"x\": }", "update", "not well-formed JSON")]
    [InlineData("{\"update_id\": 1.5}", "update_id", "not an integer")]
    [InlineData("[1]", "update", "not a JSON object")]
    [InlineData("{\"message\": {\"update_id\": 1}}", "update_id", "missing or not an integer")]
    public void Inspect_BadUpdates_NameFieldAndProblem(string json, string field, string problem)
    {
        var result = TelegramUpdateId.Inspect(Encoding.UTF8.GetBytes(json));
        Assert.Equal((null, field), (result.Id, result.Field));
        Assert.StartsWith(problem, result.Problem);
    }

    [Fact]
    public void Parse_NestedDeeperThanTheLimit_IsAFormatError()
    {
        var e = Assert.Throws<BotFormatException>(() => new TelegramAdapter().Parse(Nested(TelegramUpdateId.MaxDepth + 5)));
        Assert.Contains("nested too deep", e.Message);
    }
}
