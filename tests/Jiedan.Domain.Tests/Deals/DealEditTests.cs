using Jiedan.Domain.Currencies;
using Jiedan.Domain.Deals;

namespace Jiedan.Domain.Tests.Deals;

public sealed class DealEditTests
{
    private static readonly DealDraft Before = new("Acme", Platform.Upwork)
    {
        Budget = new Money(9000m, Currency.Usd), Tags = ["go", "grpc"], Notes = "call back",
    };

    [Fact]
    public void The_same_attributes_written_differently_are_no_change()
    {
        var same = Before with { Budget = new Money(9000.00m, Currency.Usd), Tags = [" go", "grpc ", ""], Client = "Acme" };
        Assert.Empty(DealEdit.Changes(Before, same));
        Assert.Empty(DealEdit.Changes(Before with { Notes = null }, Before with { Notes = "" }));
    }

    [Fact]
    public void Each_changed_field_is_listed_once_in_a_fixed_order_with_its_old_and_new_text()
    {
        var after = Before with
        {
            Tags = ["rust"], Platform = Platform.Toptal, Budget = new Money(12000.5m, Currency.Cny), Notes = null,
            Seniority = SeniorityBand.Senior,
        };
        Assert.Equal(
        [
            new DealFieldChange("platform", "Upwork", "Toptal"), new DealFieldChange("seniority", "Mid", "Senior"),
            new DealFieldChange("budget", "9000 USD", "12000.5 CNY"), new DealFieldChange("notes", "call back", null),
            new DealFieldChange("tags", "go,grpc", "rust"),
        ], DealEdit.Changes(Before, after));
    }
}
