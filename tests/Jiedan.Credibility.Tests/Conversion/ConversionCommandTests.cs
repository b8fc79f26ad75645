using System.Text.Json;
using Jiedan.Testing;

namespace Jiedan.Credibility.Tests.Conversion;

/// <summary><c>jiedan conversion</c> in-process through the real parser, on a migrated SQLite database.</summary>
public sealed class ConversionCommandTests
{
    [Fact]
    public async Task Weights_fit_and_show_answer_with_the_documented_exit_codes()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await ConversionDatabase.CreateAsync(TestDatabaseKind.Sqlite);
        var deal = await db.NewDealAsync();
        await db.Service.RecordAsync(deal, ConversionServiceTests.Scores(50, 80, 60), ct);

        var weights = await CommandLine.RunAsync("conversion", "weights", "--db", db.Argument, "--json");
        Assert.Equal(0, weights.Exit);
        Assert.Equal("seed", JsonDocument.Parse(weights.Out).RootElement.GetProperty("source").GetString());

        var set = await CommandLine.RunAsync("conversion", "weights", "--set", "0.2,0.3,0.5", "--db", db.Argument);
        Assert.Equal(0, set.Exit);
        Assert.Contains("manual", set.Out);
        Assert.Equal(2, (await CommandLine.RunAsync("conversion", "weights", "--set", "0.2,0.3", "--db", db.Argument)).Exit);
        var badSum = await CommandLine.RunAsync("conversion", "weights", "--set", "0.2,0.3,0.6", "--db", db.Argument);
        Assert.Equal(2, badSum.Exit);
        Assert.Contains("must be 1", badSum.Err);
        Assert.Equal(2, (await CommandLine.RunAsync("conversion", "weights", "--seed", "--use-fitted", "--db", db.Argument)).Exit);

        var useFitted = await CommandLine.RunAsync("conversion", "weights", "--use-fitted", "--db", db.Argument);
        Assert.Equal(1, useFitted.Exit);
        Assert.Contains("not enough deals: 0 of 30", useFitted.Err);
        var fit = await CommandLine.RunAsync("conversion", "fit", "--db", db.Argument);
        Assert.Equal(1, fit.Exit);
        Assert.Contains("No fit: not enough deals: 0 of 30.", fit.Out);

        var id = deal.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var show = await CommandLine.RunAsync("conversion", "show", "--deal", id, "--db", db.Argument);
        Assert.Equal(0, show.Exit);
        Assert.Contains("conversion estimate 64.2 / 100 = 0.28×50 + 0.35×80 + 0.37×60", show.Out);
        Assert.Contains("fix the flaky tests", show.Out);
        var missing = await CommandLine.RunAsync("conversion", "show", "--deal", "4242", "--db", db.Argument, "--json");
        Assert.Equal(2, missing.Exit);
        Assert.Contains("no deal 4242", missing.Err);
    }
}
