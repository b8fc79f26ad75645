using Jiedan.Deals.Storage;
using Jiedan.Domain.Deals;
using Jiedan.Pipeline.Storage;
using Jiedan.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Jiedan.Deals.Tests.Storage;

public class DealStoreTests
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero); // 10:00 in Shanghai

    [Theory]
    [InlineData(TestDatabaseKind.Sqlite)]
    [InlineData(TestDatabaseKind.Postgres)]
    public async Task Moves_append_events_and_a_stale_version_changes_nothing(TestDatabaseKind kind)
    {
        await using var db = await DealsDatabase.CreateAsync(kind);
        var created = (MoveResult.Moved)await db.Get<DealStore>().CreateAsync(new DealDraft("Acme", Platform.Toptal), null, Monday, "me",
            default);
        var id = created.Deal.Id;
        Assert.Equal(1, created.Deal.Version);

        var moved = await db.Get<DealStore>().MoveAsync(id, 1, "FirstResponse", Monday.AddDays(1), "me", null, default);
        Assert.IsType<MoveResult.Moved>(moved);
        var stale = await db.Get<DealStore>().MoveAsync(id, 1, "ProposalConfirmed", Monday.AddDays(2), "other", null, default);
        Assert.Equal(2, Assert.IsType<MoveResult.Stale>(stale).CurrentVersion);

        var deal = await db.Get<DealStore>().GetAsync(id, default);
        Assert.Equal(("FirstResponse", 2, 2), (deal!.Stage, deal.Version, deal.Events.Count));
        Assert.Equal(["Lead", "FirstResponse"], deal.Events.OrderBy(e => e.Seq).Select(e => e.ToStage));
    }

    [Theory]
    [InlineData(TestDatabaseKind.Sqlite)]
    [InlineData(TestDatabaseKind.Postgres)]
    public async Task Concurrent_moves_of_one_deal_let_exactly_one_win(TestDatabaseKind kind)
    {
        await using var db = await DealsDatabase.CreateAsync(kind);
        var id = ((MoveResult.Moved)await db.Get<DealStore>().CreateAsync(new DealDraft("Race", Platform.Upwork), null, Monday, "me",
            default)).Deal.Id;
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            Task.Run(() => db.Get<DealStore>().MoveAsync(id, 1, "FirstResponse", Monday.AddHours(i + 1), $"writer{i}", null, default))));
        Assert.Single(results.OfType<MoveResult.Moved>());
        Assert.Equal(5, results.OfType<MoveResult.Stale>().Count());
        Assert.Equal(2, await db.Get<DealsDbContext>().StageEvents.CountAsync(e => e.DealId == id));
    }

    [Fact]
    public async Task Invalid_moves_are_rejected_with_the_field_at_fault()
    {
        await using var db = await DealsDatabase.CreateAsync(TestDatabaseKind.Sqlite);
        var id = ((MoveResult.Moved)await db.Get<DealStore>().CreateAsync(new DealDraft("Acme", Platform.Toptal), null, Monday, "me",
            default)).Deal.Id;
        Assert.Equal("reason",
            Assert.IsType<MoveResult.Rejected>(await db.Get<DealStore>().MoveAsync(id, null, "Lost", Monday.AddDays(1), "me", null,
            default)).Field);
        Assert.Equal("stage",
            Assert.IsType<MoveResult.Rejected>(await db.Get<DealStore>().MoveAsync(id, null, "Nope", Monday.AddDays(1), "me", null,
            default)).Field);
        Assert.Equal("at", Assert.IsType<MoveResult.Rejected>(await db.Get<DealStore>().MoveAsync(id, null, "Signed", Monday.AddDays(-1),
            "me", null, default)).Field);
        Assert.IsType<MoveResult.NotFound>(await db.Get<DealStore>().MoveAsync(id + 99, null, "Signed", Monday, "me", null, default));
    }

    [Theory]
    [InlineData(TestDatabaseKind.Sqlite)]
    [InlineData(TestDatabaseKind.Postgres)]
    public async Task Pipeline_report_from_storage_matches_the_analysis_of_the_same_events(TestDatabaseKind kind)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 4, 0, 0, TimeSpan.Zero));
        await using var db = await DealsDatabase.CreateAsync(kind, clock);
        await db.Get<DemoSeeder>().SeedIfEmptyAsync(default);
        var report = await db.Get<PipelineQueries>().ReportAsync(new DealQuery(), default);

        // Independent computation straight from the generated events, without storage or aggregation.
        var settings = db.Get<PipelineSettings>();
        var demo = DemoPortfolio.Generate(settings.Calendar.DateOf(clock.GetUtcNow()), settings.Calendar, settings.Stages);
        var spans = demo.SelectMany(d => DealTimeline.Spans(d.Events, settings.Calendar)).ToList();
        foreach (var stage in report.Stages)
        {
            var expected = Jiedan.Domain.Pipeline.DurationStats.FromValues(spans.Where(s => s.Stage == stage.Stage.Key
                && s.BusinessDays is not null).Select(s => s.BusinessDays!.Value));
            Assert.Equal(expected, stage.Durations);
        }
        Assert.Equal(137, report.Deals);
        Assert.Equal(demo.Count(d => d.Events[^1].To == "Lost"), report.Lost);
        Assert.Equal(137, report.Funnel[0].Reached);

        var upwork = await db.Get<PipelineQueries>().ReportAsync(new DealQuery { Platform = "Upwork" }, default);
        Assert.Equal(demo.Count(d => d.Draft.Platform == Platform.Upwork), upwork.Deals);
        Assert.All(report.Rotting, r => Assert.True(r.IdleBusinessDays > r.StageP90));
    }

    [Theory]
    [InlineData(TestDatabaseKind.Sqlite)]
    [InlineData(TestDatabaseKind.Postgres)]
    public async Task The_tag_filter_matches_whole_tags_only(TestDatabaseKind kind)
    {
        await using var db = await DealsDatabase.CreateAsync(kind);
        foreach (var (client, tags) in new[] { ("A", new[] { "go", "grpc" }), ("B", ["grpc"]), ("C", ["grpc-gateway", "go"]), ("D", []) })
            await db.Get<DealStore>().CreateAsync(new DealDraft(client, Platform.Upwork) { Tags = tags }, null, Monday, "me", default);
        async Task<string> Clients(string tag) =>
            string.Concat((await db.Get<DealStore>().ListAsync(new DealQuery { Tag = tag }, default)).Select(d => d.Client).Order());
        Assert.Equal("AB", await Clients("grpc"));
        Assert.Equal("AC", await Clients("go"));
        Assert.Equal("", await Clients("rpc"));
    }
}
