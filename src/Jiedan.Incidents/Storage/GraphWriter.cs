using Jiedan.Domain.Incidents;
using Microsoft.EntityFrameworkCore;

namespace Jiedan.Incidents.Storage;

/// <summary>
/// Writes the knowledge graph: for an entry, symptom (its title and alert names) → component → configuration item →
/// patch → fix, each edge weight 1 when new; a resolved incident adds 1 to the edge from its alert to the path.
/// </summary>
internal sealed class GraphWriter(IncidentsDbContext db)
{
    private readonly Dictionary<(string, string), KbNodeRecord> _nodes = [];
    private readonly Dictionary<(long, long), KbEdgeRecord> _edges = [];

    public async Task AddPathAsync(KnowledgeEntry entry, CancellationToken ct)
    {
        var chain = new List<KbNodeRecord>();
        foreach (var (kind, name) in new[]
        {
            (KbNodeKinds.Component, entry.Component), (KbNodeKinds.ConfigurationItem, entry.ConfigurationItem),
            (KbNodeKinds.Patch, entry.Patch), (KbNodeKinds.Fix, entry.Title),
        })
            if (name.Length > 0) chain.Add(await NodeAsync(kind, name, ct));
        foreach (var symptom in entry.AlertNames.Prepend(entry.Title).Distinct(StringComparer.Ordinal))
            await EdgeAsync(await NodeAsync(KbNodeKinds.Symptom, symptom, ct), chain[0], 0, ct);
        for (var i = 0; i + 1 < chain.Count; i++) await EdgeAsync(chain[i], chain[i + 1], 0, ct);
    }

    public async Task StrengthenAsync(string alertName, string fixTitle, CancellationToken ct)
    {
        var fix = await NodeAsync(KbNodeKinds.Fix, fixTitle, ct);
        // The path's first node after the symptom: what the entry's own symptom points at.
        var title = await NodeAsync(KbNodeKinds.Symptom, fixTitle, ct);
        var first = await db.Edges.Where(e => e.FromId == title.Id).Select(e => e.ToId).FirstOrDefaultAsync(ct);
        var target = first == 0 ? fix : await db.Nodes.FindAsync([first], ct) ?? fix;
        await EdgeAsync(await NodeAsync(KbNodeKinds.Symptom, alertName, ct), target, 1, ct);
    }

    private async Task<KbNodeRecord> NodeAsync(string kind, string name, CancellationToken ct)
    {
        if (name.Length > 500) name = name[..500];
        if (_nodes.TryGetValue((kind, name), out var node)) return node;
        node = await db.Nodes.FirstOrDefaultAsync(n => n.Kind == kind && n.Name == name, ct);
        if (node is null)
        {
            db.Nodes.Add(node = new KbNodeRecord { Kind = kind, Name = name });
            await db.SaveChangesAsync(ct);
        }
        return _nodes[(kind, name)] = node;
    }

    private async Task EdgeAsync(KbNodeRecord from, KbNodeRecord to, double add, CancellationToken ct)
    {
        if (!_edges.TryGetValue((from.Id, to.Id), out var edge))
        {
            edge = await db.Edges.FirstOrDefaultAsync(e => e.FromId == from.Id && e.ToId == to.Id, ct);
            if (edge is null) db.Edges.Add(edge = new KbEdgeRecord { FromId = from.Id, ToId = to.Id, Weight = 1 });
            _edges[(from.Id, to.Id)] = edge;
            if (edge.Id == 0) return;
        }
        edge.Weight += add;
    }
}
