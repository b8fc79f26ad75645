using Jiedan.Common.Cli;
using Jiedan.Incidents.Storage;
using Jiedan.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jiedan.Incidents.Tests.Cli;

/// <summary>The graph an import writes (symptom → component → configuration item → patch → fix) and what a recorded fix adds.</summary>
public class KnowledgeGraphTests
{
    [Theory]
    [InlineData(TestDatabaseKind.Sqlite)]
    [InlineData(TestDatabaseKind.Postgres)]
    public async Task Import_writes_the_paths_and_a_recorded_fix_strengthens_one(TestDatabaseKind kind)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(kind);
        Assert.Equal(0, (await CommandLine.RunAsync("db", "migrate", "--db", database.Argument)).Exit);
        Assert.Equal(0, (await CommandLine.RunAsync("kb", "import", Corpus.Folder, "--db", database.Argument)).Exit);
        Assert.Equal(0, (await CommandLine.RunAsync("kb", "import", Corpus.Folder, "--db", database.Argument)).Exit);

        var (provider, _) = CliServices.Build(database.Argument, Needs.Of(IncidentsModule.RegisterData));
        await using (provider)
        {
            var contexts = provider.GetRequiredService<IDbContextFactory<IncidentsDbContext>>();
            await using (var db = await contexts.CreateDbContextAsync(ct))
                Assert.Equal(["kubelet", "worker node pool", "containerd 1.6.21", "KubeletPlegDurationHigh"],
                    await PathAsync(db, "KubeletPlegRelistSlow", ct));

            long incident;
            await using (var db = await contexts.CreateDbContextAsync(ct))
                incident = await db.Incidents.Where(i => i.AlertName == "ClockSkewDetected").Select(i => i.Id).SingleAsync(ct);
            var id = incident.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var recorded = await CommandLine.RunAsync("kb", "fixed", id, "KubeletPlegDurationHigh", "--db", database.Argument);
            Assert.True(recorded.Exit == 0, recorded.Err);
            var unknown = await CommandLine.RunAsync("kb", "fixed", "99999", "KubeletPlegDurationHigh", "--db", database.Argument);
            Assert.Equal(2, unknown.Exit);

            await using (var db = await contexts.CreateDbContextAsync(ct))
            {
                Assert.Equal("kubelet", (await PathAsync(db, "ClockSkewDetected", ct))[0]);
                Assert.Equal("KubeletPlegDurationHigh", (await db.Incidents.FindAsync([incident], ct))!.FixedBy);
            }
        }
    }

    /// <summary>The path from a symptom, following the heaviest outgoing edge, as the database holds it.</summary>
    private static async Task<List<string>> PathAsync(IncidentsDbContext db, string symptom, CancellationToken ct)
    {
        var node = await db.Nodes.SingleAsync(n => n.Kind == KbNodeKinds.Symptom && n.Name == symptom, ct);
        var path = new List<string>();
        while (await db.Edges.Where(e => e.FromId == node.Id).OrderByDescending(e => e.Weight).FirstOrDefaultAsync(ct) is { } edge)
        {
            node = await db.Nodes.SingleAsync(n => n.Id == edge.ToId, ct);
            path.Add(node.Name);
        }
        return path;
    }
}
