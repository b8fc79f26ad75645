using Jiedan.Credibility.Conversion;
using Jiedan.Domain.Credibility;
using Jiedan.Domain.Credibility.Conversion;
using Jiedan.Testing;

namespace Jiedan.Credibility.Tests.Conversion;

/// <summary>Scorings and weights stored on SQLite and PostgreSQL; the fit over deals closed through the real deal store.</summary>
public sealed class ConversionServiceTests
{
    [Theory]
    [InlineData(TestDatabaseKind.Sqlite)]
    [InlineData(TestDatabaseKind.Postgres)]
    public async Task A_scoring_is_stored_with_the_weights_in_force_and_the_newest_is_current(TestDatabaseKind kind)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await ConversionDatabase.CreateAsync(kind);
        var deal = await db.NewDealAsync();
        Assert.Null(await db.Service.CurrentAsync(deal, ct));
        Assert.Empty((await db.Service.HistoryAsync(deal, ct))!);
        Assert.Equal(WeightsInForce.Seed, await db.Service.WeightsAsync(ct));

        var first = (await db.Service.RecordAsync(deal, Scores(50, 80, 60), ct))!;
        // 0.28 × 50 + 0.35 × 80 + 0.37 × 60 = 14 + 28 + 22.2 = 64.2
        Assert.Equal(64.2, first.Estimate.Value, 9);

        db.Clock.Advance(TimeSpan.FromHours(1));
        var manual = new ConversionWeights(0.2, 0.3, 0.5);
        var adopted = await db.Service.UseWeightsAsync(manual, WeightsInForce.ManualSource, ct);
        Assert.Equal(("manual", manual), (adopted.Source, adopted.Weights));
        db.Clock.Advance(TimeSpan.FromHours(1));
        await db.Service.RecordAsync(deal, Scores(100, 80, 60), ct);

        var current = (await db.Service.CurrentAsync(deal, ct))!;
        // 0.2 × 100 + 0.3 × 80 + 0.5 × 60 = 20 + 24 + 30 = 74
        Assert.Equal(74, current.Estimate.Value, 9);
        Assert.Equal(manual, current.Estimate.Weights);
        Assert.Equal(db.Clock.GetUtcNow().UtcDateTime, current.CreatedAtUtc);
        Assert.Equal(DateTimeKind.Utc, current.CreatedAtUtc.Kind);
        var history = (await db.Service.HistoryAsync(deal, ct))!;
        Assert.Equal([74, 64.2], history.Select(h => Math.Round(h.Estimate.Value, 9)));
        // The first scoring keeps the seed weights it was made with; its checks and notes come back as stored.
        Assert.Equal(ConversionWeights.Seed, history[1].Estimate.Weights);
        Assert.Equal("sla", history[1].Proposal.Checks.Single(c => !c.Passed).Id);
        // repository ci: 0.35 × 100 points = 35 before proposal sla: 0.28 × 50 points = 14.
        Assert.Equal(["repository/ci", "proposal/sla"], history[1].Estimate.Recommendations.Select(r => $"{r.Asset}/{r.CheckId}"));
        Assert.Equal("notes", history[1].Notes);

        Assert.Null(await db.Service.RecordAsync(deal + 1000, Scores(1, 1, 1), ct));
        Assert.Null(await db.Service.HistoryAsync(deal + 1000, ct));
    }

    [Theory]
    [InlineData(TestDatabaseKind.Sqlite)]
    [InlineData(TestDatabaseKind.Postgres)]
    public async Task The_fit_reads_deals_closed_through_the_pipeline_with_the_scores_current_when_they_closed(TestDatabaseKind kind)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await ConversionDatabase.CreateAsync(kind);
        Assert.Equal("not enough deals: 0 of 30", (await db.Service.FitAsync(ct)).Problem);
        Assert.Equal("not enough deals: 0 of 30", (await db.Service.UseFittedAsync(ct)).Problem);

        // 36 deals: won (Signed) when the demo scores 40 or more, except every sixth deal, which goes the other way.
        var expected = new Dictionary<long, (int Demo, bool Won)>();
        for (var i = 0; i < 36; i++)
        {
            var deal = await db.NewDealAsync($"client {i}");
            var demo = i * 100 / 35;
            var won = (demo >= 40) ^ (i % 6 == 0);
            db.Clock.Advance(TimeSpan.FromMinutes(10));
            await db.Service.RecordAsync(deal, Scores(50 + i % 7, 40 + i % 11, demo), ct);
            db.Clock.Advance(TimeSpan.FromMinutes(10));
            await db.MoveAsync(deal, "FirstResponse");
            if (won) await db.MoveAsync(deal, "Signed");
            else await db.MoveAsync(deal, "Lost", "chose another vendor");
            if (i == 3)
            {
                // Re-scored after closing: the fit keeps the scoring current when the deal closed.
                db.Clock.Advance(TimeSpan.FromMinutes(10));
                await db.Service.RecordAsync(deal, Scores(0, 0, 0), ct);
            }
            if (won && i % 5 == 0) await db.MoveAsync(deal, "Delivering");
            expected[deal] = (demo, won);
        }
        // Not in the fit: an open deal with scores, a closed deal without, a deal lost after signing counts as won.
        var open = await db.NewDealAsync("open");
        await db.Service.RecordAsync(open, Scores(90, 90, 90), ct);
        await db.MoveAsync(open, "ProposalConfirmed");
        var unscored = await db.NewDealAsync("unscored");
        await db.MoveAsync(unscored, "Lost", "no reply");
        var signedThenLost = await db.NewDealAsync("signed then lost");
        db.Clock.Advance(TimeSpan.FromMinutes(10));
        await db.MoveAsync(signedThenLost, "Signed");
        db.Clock.Advance(TimeSpan.FromMinutes(10));
        await db.MoveAsync(signedThenLost, "Lost", "cancelled during delivery");
        await db.Service.RecordAsync(signedThenLost, Scores(70, 70, 70), ct);
        expected[signedThenLost] = (70, true);

        var closed = await db.Service.ClosedDealScoresAsync(ct);
        Assert.Equal(expected.Keys.Order(), closed.Select(c => c.DealId).Order());
        Assert.All(closed, c => Assert.Equal(expected[c.DealId], (c.Demo, c.Won)));

        var fit = await db.Service.FitAsync(ct);
        Assert.Equal((37, expected.Values.Count(v => v.Won)), (fit.Deals, fit.Won));
        var model = Assert.IsType<FittedConversion>(fit.Model);
        Assert.True(model.Coefficients.Demo > 0);
        Assert.True(model.Weights!.Demo > 0.5, model.Weights.ToString());

        var (adopted, problem) = await db.Service.UseFittedAsync(ct);
        Assert.Null(problem);
        Assert.Equal((WeightsInForce.FittedSource, 37), (adopted!.Source, adopted.FittedDeals));
        Assert.Equal(model.BrierCrossValidated, adopted.Brier!.Value, 12);
        Assert.Equal(model.Weights, (await db.Service.WeightsAsync(ct)).Weights);
    }

    public static AssetScores Scores(int proposal, int repository, int demo) => new(
        new AssetScore(proposal, [new CredibilityCheck("sla", false, "no SLA section", "add SLA terms", 1),
            new CredibilityCheck("architecture", true, "diagram on page 2", "", 1)]),
        new AssetScore(repository, [new CredibilityCheck("ci", false, "23 of 50 runs passed (46%)", "fix the flaky tests", 1)]),
        new AssetScore(demo, []),
        "notes");
}
