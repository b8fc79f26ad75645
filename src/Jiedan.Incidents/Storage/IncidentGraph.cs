using Jiedan.Incidents.Services;
using Microsoft.EntityFrameworkCore;

namespace Jiedan.Incidents.Storage;

/// <summary>One step of a drawn path: the node, and the weight of the edge that leads to it (null: no stored edge).</summary>
public sealed record PathStep(string Kind, string Name, double? Weight);

/// <summary>A suggestion's path as stored: alert symptom → component → configuration item → patch → fix, with edge weights.</summary>
public sealed record GraphPath(string Title, double Score, IReadOnlyList<PathStep> Steps);

/// <summary>Reads the stored graph along the paths suggested for an incident, for the dashboard's picture.</summary>
public sealed class IncidentGraph(IDbContextFactory<IncidentsDbContext> contexts)
{
    public async Task<IReadOnlyList<GraphPath>> PathsAsync(string alertName, IReadOnlyList<MatchDto> suggestions, CancellationToken ct)
    {
        if (suggestions.Count == 0) return [];
        await using var db = await contexts.CreateDbContextAsync(ct);
        var titles = suggestions.Select(s => s.Title).ToList();
        var entries = await db.Entries.AsNoTracking().Where(e => titles.Contains(e.Title)).ToListAsync(ct);
        var chains = suggestions.Select(s => (s, Chain: entries.FirstOrDefault(e => e.Title == s.Title) is { } e
            ? new[]
            {
                (KbNodeKinds.Symptom, alertName), (KbNodeKinds.Component, e.Component),
                (KbNodeKinds.ConfigurationItem, e.ConfigurationItem), (KbNodeKinds.Patch, e.Patch), (KbNodeKinds.Fix, e.Title),
            }.Where(n => n.Item2.Length > 0).ToList()
            : [(KbNodeKinds.Symptom, alertName), (KbNodeKinds.Fix, s.Title)])).ToList();
        var names = chains.SelectMany(c => c.Chain.Select(n => n.Item2)).Distinct().ToList();
        var nodes = await db.Nodes.AsNoTracking().Where(n => names.Contains(n.Name)).ToListAsync(ct);
        var ids = nodes.ToDictionary(n => (n.Kind, n.Name), n => n.Id);
        var nodeIds = nodes.Select(n => n.Id).ToList();
        var edges = (await db.Edges.AsNoTracking().Where(e => nodeIds.Contains(e.FromId) && nodeIds.Contains(e.ToId)).ToListAsync(ct))
            .ToDictionary(e => (e.FromId, e.ToId), e => e.Weight);
        double? Weight((string, string) from, (string, string) to) =>
            ids.TryGetValue(from, out var f) && ids.TryGetValue(to, out var t) && edges.TryGetValue((f, t), out var w) ? w : null;
        return [.. chains.Select(c => new GraphPath(c.s.Title, c.s.Score, [.. c.Chain.Select((n, i) =>
            new PathStep(n.Item1, n.Item2, i == 0 ? null : Weight(c.Chain[i - 1], n)))]))];
    }
}
