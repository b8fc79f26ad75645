using Jiedan.Common.Cli;
using Jiedan.Credibility.Storage;
using Jiedan.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Jiedan.Credibility.Tests.Audit;

/// <summary><c>jiedan audit --save</c> on both databases: rows per repository, newest first.</summary>
public sealed class AuditStorageTests
{
    [Theory]
    [InlineData(TestDatabaseKind.Sqlite)]
    [InlineData(TestDatabaseKind.Postgres)]
    public async Task Saved_audits_are_kept_per_repository_newest_first(TestDatabaseKind kind)
    {
        await using var db = await TestDatabase.CreateAsync(kind);
        Assert.Equal(0, (await CommandLine.RunAsync("db", "migrate", "--db", db.Argument)).Exit);
        using var repo = Fixtures.Exemplary();
        var first = await CommandLine.RunAsync("audit", repo.Root, "--save", "--db", db.Argument);
        Assert.True(first.Exit == 0, first.Err);
        Assert.Contains("stored as audit #", first.Out, StringComparison.Ordinal);
        File.Delete(Path.Combine(repo.Root, "LICENSE"));
        Assert.Equal(0, (await CommandLine.RunAsync("audit", repo.Root, "--save", "--db", db.Argument, "--json")).Exit);

        var ct = TestContext.Current.CancellationToken;
        await using var services = await CliServices.OpenAsync(db.Argument, CredibilityModule.RegisterData, ct);
        using var scope = services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<AuditStore>();
        var history = await store.HistoryAsync("github.com/acme/widget", 10, ct);
        Assert.Equal([90, 100], history.Select(h => h.Score));
        Assert.Equal(90, (await store.LatestAsync("github.com/acme/widget", ct))!.Score);
        Assert.Null(await store.LatestAsync("github.com/acme/other", ct));
        Assert.Null(history[0].CiCompleted);
        Assert.Contains("\"id\": \"license\"", history[0].ChecksJson, StringComparison.Ordinal);
    }
}
