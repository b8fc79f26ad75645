using Jiedan.Domain.Contract;

namespace Jiedan.Contract.Tests;

/// <summary>The editor's first draft from confirmed chat items always reads back, whatever the client wrote.</summary>
public sealed class RequirementDraftTests
{
    [Fact]
    public void One_entity_per_item_with_the_item_as_its_description()
    {
        var draft = RequirementDraft.FromItems(12, ["用户注册：手机号 + 验证码", "Orders \"visible\" within 5 min \\ fast\nsecond line"]);

        var read = RequirementReader.Read(draft, "draft.yml");

        Assert.Equal("deal12", read.Service);
        Assert.Equal(["Item1", "Item2"], read.Entities.Select(e => e.Name));
        Assert.Equal("用户注册：手机号 + 验证码", read.Entities[0].Description);
        Assert.Equal("Orders \"visible\" within 5 min \\ fast\nsecond line", read.Entities[1].Description);
    }

    [Fact]
    public void Control_characters_over_long_text_and_no_items_still_give_a_valid_draft()
    {
        var hostile = "a\u0000b\u001b[31m\r\t" + string.Concat(Enumerable.Repeat("😀", 3000)) + ": &x *x {[";

        var read = RequirementReader.Read(RequirementDraft.FromItems(3, [hostile, "  ", "# not a comment: x"]), "draft.yml");
        var empty = RequirementReader.Read(RequirementDraft.FromItems(4, []), "draft.yml");

        Assert.Equal(3, read.Entities.Count);
        Assert.StartsWith("ab[31m", read.Entities[0].Description, StringComparison.Ordinal);
        Assert.True(read.Entities[0].Description!.Length <= 2000);
        Assert.Null(read.Entities[1].Description);
        Assert.Equal("# not a comment: x", read.Entities[2].Description);
        Assert.Single(empty.Entities);
    }
}
