using Jiedan.Common.Cli;
using Jiedan.Domain.Incidents;
using Jiedan.Incidents.Services;
using Jiedan.Incidents.Storage;
using Jiedan.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Jiedan.Incidents.Tests.Cli;

/// <summary>
/// The matcher is rebuilt when the knowledge changes; a caller that cannot wait gets the one it has while the newer
/// one is built, and the newer one afterwards. A caller that waits always gets the matcher for what is stored.
/// </summary>
public class MatcherRebuildTests
{
    [Fact]
    public async Task A_change_is_seen_at_once_by_a_caller_that_waits_and_after_the_rebuild_by_one_that_does_not()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(TestDatabaseKind.Sqlite);
        Assert.Equal(0, (await CommandLine.RunAsync("db", "migrate", "--db", database.Argument)).Exit);
        var (provider, _) = CliServices.Build(database.Argument, Needs.Of(IncidentsModule.RegisterData));
        await using var _ = provider;
        var knowledge = provider.GetRequiredService<KnowledgeBase>();
        var store = provider.GetRequiredService<KnowledgeStore>();
        var alert = new AlertQuery("PgbouncerClientsWaiting", new Dictionary<string, string>(), "clients waiting");

        var empty = await knowledge.MatcherAsync(ct);
        Assert.Empty(empty.Match(alert).Matches);
        await store.ImportAsync([new KnowledgeEntry("PgBouncerPoolExhausted", "pg.md", 1) { AlertNames = ["PgbouncerClientsWaiting"] }],
            [], ct);

        var maybeStale = await knowledge.MatcherAsync(ct, waitForNewer: TimeSpan.Zero);
        Assert.True(ReferenceEquals(maybeStale, empty) || maybeStale.Match(alert).Matches.Count == 1);
        var fresh = await knowledge.MatcherAsync(ct);
        Assert.Equal("PgBouncerPoolExhausted", Assert.Single(fresh.Match(alert).Matches).Entry.Title);
        Assert.Same(fresh, await knowledge.MatcherAsync(ct, waitForNewer: TimeSpan.Zero));
    }
}
