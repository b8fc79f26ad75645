using Jiedan.Domain.Incidents;
using Microsoft.EntityFrameworkCore;

namespace Jiedan.Incidents.Storage;

/// <summary>
/// Writes the knowledge graph: for an entry, symptom (its title and alert names) → component → configuration item →
/// patch → fix, each edge weight 1 when new; a recorded fix adds 1 to every edge of its path from the incident's alert.
/// Nodes and edges are written in two batches (nodes first, for their ids), so an import of thousands of entries is a
/// few statements, not one per node.
/// </summary>
internal sealed class GraphWriter(IncidentsDbContext db)
{
    private const int MaxName = 500;

    public async Task AddPathsAsync(IReadOnlyList<KnowledgeEntry> entries, CancellationToken ct)
    {
        var paths = entries.Select(e => (Symptoms: e.AlertNames.Prepend(e.Title).Distinct(StringComparer.Ordinal)
                .Select(s => (KbNodeKinds.Symptom, Clip(s))).ToList(),
            Chain: new[]
            {
                (KbNodeKinds.Component, e.Component), (KbNodeKinds.ConfigurationItem, e.ConfigurationItem),
                (KbNodeKinds.Patch, e.Patch), (KbNodeKinds.Fix, e.Title),
            }.Where(n => n.Item2.Length > 0).Select(n => (n.Item1, Clip(n.Item2))).ToList())).ToList();
        var nodes = await NodesAsync(paths.SelectMany(p => p.Symptoms.Concat(p.Chain)), ct);
        var wanted = new HashSet<(long, long)>();
        foreach (var (symptoms, chain) in paths)
        {
            foreach (var s in symptoms) wanted.Add((nodes[s].Id, nodes[chain[0]].Id));
            for (var i = 0; i + 1 < chain.Count; i++) wanted.Add((nodes[chain[i]].Id, nodes[chain[i + 1]].Id));
        }
        var existing = (await db.Edges.Select(e => new { e.FromId, e.ToId }).ToListAsync(ct)).Select(e => (e.FromId, e.ToId)).ToHashSet();
        foreach (var (from, to) in wanted.Where(w => !existing.Contains(w)))
            db.Edges.Add(new KbEdgeRecord { FromId = from, ToId = to, Weight = 1 });
    }

    /// <summary>
    /// A recorded fix: every edge of the path alert symptom → component → configuration item → patch → fix gains 1 (an
    /// edge the path lacks is added), so an edge's weight is 1 plus the fixes that went through it.
    /// </summary>
    public async Task StrengthenAsync(string alertName, KbEntryRecord entry, CancellationToken ct)
    {
        var chain = new[]
        {
            (KbNodeKinds.Symptom, alertName), (KbNodeKinds.Component, entry.Component),
            (KbNodeKinds.ConfigurationItem, entry.ConfigurationItem), (KbNodeKinds.Patch, entry.Patch), (KbNodeKinds.Fix, entry.Title),
        }.Where(n => n.Item2.Length > 0).Select(n => (n.Item1, Clip(n.Item2))).ToList();
        var nodes = await NodesAsync(chain, ct);
        for (var i = 0; i + 1 < chain.Count; i++)
        {
            var (from, to) = (nodes[chain[i]].Id, nodes[chain[i + 1]].Id);
            var edge = await db.Edges.FirstOrDefaultAsync(e => e.FromId == from && e.ToId == to, ct);
            if (edge is null) db.Edges.Add(new KbEdgeRecord { FromId = from, ToId = to, Weight = 2 });
            else edge.Weight += 1;
        }
    }

    /// <summary>
    /// After an entry's path changed: the fix is reached only from the step now before it (edges from its old
    /// predecessor are removed; the edges before them may be shared with other entries and stay).
    /// </summary>
    public async Task KeepOnlyPathIntoFixAsync(KnowledgeEntry entry, CancellationToken ct)
    {
        var before = new[] { (KbNodeKinds.Patch, entry.Patch), (KbNodeKinds.ConfigurationItem, entry.ConfigurationItem),
            (KbNodeKinds.Component, entry.Component) }.Where(n => n.Item2.Length > 0).Select(n => (n.Item1, Clip(n.Item2))).ToList();
        var symptoms = entry.AlertNames.Prepend(entry.Title).Select(s => (KbNodeKinds.Symptom, Clip(s))).ToList();
        var allowed = before.Count > 0 ? [before[0]] : symptoms;
        var nodes = await NodesAsync(allowed.Append((KbNodeKinds.Fix, Clip(entry.Title))), ct);
        var fix = nodes[(KbNodeKinds.Fix, Clip(entry.Title))].Id;
        var keep = allowed.Select(a => nodes[a].Id).ToHashSet();
        db.Edges.RemoveRange(await db.Edges.Where(e => e.ToId == fix && !keep.Contains(e.FromId)).ToListAsync(ct));
    }

    /// <summary>Removes the fix node named <paramref name="title"/> and every edge into or out of it.</summary>
    public async Task RemoveFixAsync(string title, CancellationToken ct)
    {
        var name = Clip(title);
        if (await db.Nodes.FirstOrDefaultAsync(n => n.Kind == KbNodeKinds.Fix && n.Name == name, ct) is not { } node) return;
        db.Edges.RemoveRange(await db.Edges.Where(e => e.ToId == node.Id || e.FromId == node.Id).ToListAsync(ct));
        db.Nodes.Remove(node);
    }

    /// <summary>
    /// Removes those of <paramref name="candidates"/> (nodes a removed path went through) that no longer lead anywhere, with
    /// the edges into them; deepest kinds first, so a chain left without its fix unwinds to its symptoms. A node another
    /// path still goes on from stays, with its edges. Saves; returns how many nodes went.
    /// </summary>
    public async Task<int> RemoveDanglingAsync(IReadOnlyCollection<(string Kind, string Name)> candidates, CancellationToken ct)
    {
        var removed = 0;
        foreach (var kind in new[] { KbNodeKinds.Patch, KbNodeKinds.ConfigurationItem, KbNodeKinds.Component, KbNodeKinds.Symptom })
        {
            var names = candidates.Where(c => c.Kind == kind && c.Name.Length > 0).Select(c => Clip(c.Name)).Distinct().ToList();
            foreach (var node in await db.Nodes.Where(n => n.Kind == kind && names.Contains(n.Name)).ToListAsync(ct))
            {
                if (await db.Edges.AnyAsync(e => e.FromId == node.Id, ct)) continue;
                db.Edges.RemoveRange(await db.Edges.Where(e => e.ToId == node.Id).ToListAsync(ct));
                db.Nodes.Remove(node);
                removed++;
            }
            await db.SaveChangesAsync(ct);
        }
        return removed;
    }

    /// <summary>The nodes named, created (and saved, for their ids) where missing.</summary>
    private async Task<Dictionary<(string Kind, string Name), KbNodeRecord>> NodesAsync(
        IEnumerable<(string Kind, string Name)> wanted, CancellationToken ct)
    {
        var keys = wanted.ToHashSet();
        var names = keys.Select(k => k.Name).Distinct().ToList();
        var found = new Dictionary<(string, string), KbNodeRecord>();
        foreach (var chunk in names.Chunk(1000))
            foreach (var n in await db.Nodes.Where(n => chunk.Contains(n.Name)).ToListAsync(ct))
                if (keys.Contains((n.Kind, n.Name))) found[(n.Kind, n.Name)] = n;
        foreach (var key in keys.Where(k => !found.ContainsKey(k)))
            db.Nodes.Add(found[key] = new KbNodeRecord { Kind = key.Kind, Name = key.Name });
        await db.SaveChangesAsync(ct);
        return found;
    }

    private static string Clip(string name) => name.Length <= MaxName ? name : name[..MaxName];
}
