using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Jiedan.Domain.Incidents;
using Microsoft.EntityFrameworkCore;

namespace Jiedan.Incidents.Storage;

/// <summary>Writes imported knowledge (entries, their graph, past incidents) and reads it back for matching.</summary>
public sealed class KnowledgeStore(IDbContextFactory<IncidentsDbContext> contexts, TimeProvider time)
{
    public const string ImportReceiver = "import";

    public sealed record ImportCounts(int Entries, int Incidents);

    /// <summary>All or nothing: entries are replaced by title, past incidents added once (by their id).</summary>
    public async Task<ImportCounts> ImportAsync(
        IReadOnlyList<KnowledgeEntry> entries, IReadOnlyList<PastIncident> incidents, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var existing = new Dictionary<string, KbEntryRecord>(StringComparer.Ordinal);
        foreach (var chunk in entries.Select(e => e.Title).Chunk(1000))
            foreach (var e in await db.Entries.Where(e => chunk.Contains(e.Title)).ToListAsync(ct))
                existing[e.Title] = e;
        foreach (var entry in entries)
        {
            if (!existing.TryGetValue(entry.Title, out var record))
                db.Entries.Add(record = existing[entry.Title] = new KbEntryRecord { Title = entry.Title, Source = entry.Source });
            Copy(entry, record, now);
        }
        await new GraphWriter(db).AddPathsAsync(entries, ct);
        var added = 0;
        var known = (await db.Incidents.Where(i => i.Receiver == ImportReceiver).Select(i => i.Fingerprint).ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var incident in incidents)
        {
            var fingerprint = Fingerprint(incident.Id);
            if (!known.Add(fingerprint)) continue;
            db.Incidents.Add(new IncidentRecord
            {
                Receiver = ImportReceiver, Fingerprint = fingerprint, StartsAtUtc = DateTime.UnixEpoch,
                AlertName = Clip(incident.Alert.Name, 300), Status = "resolved", Origin = ImportReceiver,
                LabelsJson = JsonSerializer.Serialize(incident.Alert.Labels),
                AnnotationsJson = JsonSerializer.Serialize(new Dictionary<string, string> { ["description"] = incident.Alert.Text }),
                ReceivedAtUtc = now, ResolvedAtUtc = now, NotifiedAtUtc = now, FixedBy = incident.FixedBy,
            });
            added++;
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new(entries.Count, added);
    }

    /// <summary>The entries and the resolved incidents whose fix is known.</summary>
    public async Task<(IReadOnlyList<KnowledgeEntry> Entries, IReadOnlyList<PastIncident> Incidents)> LoadAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var entries = (await db.Entries.AsNoTracking().OrderBy(e => e.Id).ToListAsync(ct)).Select(ToDomain).ToList();
        var fixedIncidents = await db.Incidents.AsNoTracking().Where(i => i.FixedBy != null).OrderBy(i => i.Id)
            .Select(i => new { i.Id, i.AlertName, i.LabelsJson, i.AnnotationsJson, i.FixedBy }).ToListAsync(ct);
        var incidents = fixedIncidents.Select(i =>
        {
            var annotations = Read<Dictionary<string, string>>(i.AnnotationsJson) ?? [];
            var alert = new Alert(AlertStatus.Resolved, Read<Dictionary<string, string>>(i.LabelsJson) ?? [], annotations,
                DateTime.UnixEpoch, null, "", "");
            return new PastIncident(i.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                new AlertQuery(i.AlertName, alert.Labels, alert.Text), i.FixedBy!);
        }).ToList();
        return (entries, incidents);
    }

    /// <summary>A stamp that changes whenever what <see cref="LoadAsync"/> returns may have changed.</summary>
    public async Task<string> VersionAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var entries = await db.Entries.CountAsync(ct);
        var latest = entries == 0 ? DateTime.MinValue : await db.Entries.MaxAsync(e => e.ImportedAtUtc, ct);
        var fixedCount = await db.Incidents.CountAsync(i => i.FixedBy != null, ct);
        return FormattableString.Invariant($"{entries}/{latest:O}/{fixedCount}");
    }

    /// <summary>
    /// Records what fixed an incident and strengthens that path (every edge from its alert to the fix). Recording the
    /// same fix again changes nothing (a chat answer delivered twice counts once).
    /// </summary>
    public async Task<bool> RecordFixAsync(long incidentId, string title, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var incident = await db.Incidents.FindAsync([incidentId], ct);
        var entry = await db.Entries.AsNoTracking().FirstOrDefaultAsync(e => e.Title == title, ct);
        if (incident is null || entry is null) return false;
        if (incident.FixedBy == entry.Title) return true;
        incident.FixedBy = entry.Title;
        incident.FixRecordedAtUtc = time.GetUtcNow().UtcDateTime;
        await new GraphWriter(db).StrengthenAsync(incident.AlertName, entry, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>A fix reached from an alert's symptom, and how many recorded fixes the path's weakest edge carries.</summary>
    public sealed record PastFix(string Name, double Strength);

    /// <summary>
    /// Walks the stored graph from the symptom named <paramref name="alertName"/> to the fixes it reaches (a recursive
    /// query in the database, at most five steps): per fix, the best path's weakest edge weight less 1, i.e. how many
    /// recorded fixes went all the way along it. Only fixes with at least one are returned.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, int>> PastFixesAsync(string alertName, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var name = Clip(alertName, 500);
        var rows = await db.Database.SqlQuery<PastFix>($"""
            WITH RECURSIVE walk(node, strength, depth) AS (
                SELECT e."ToId", e."Weight", 1 FROM kb_edges e JOIN kb_nodes s ON s."Id" = e."FromId"
                WHERE s."Kind" = {KbNodeKinds.Symptom} AND s."Name" = {name}
              UNION ALL
                SELECT e."ToId", CASE WHEN e."Weight" < w.strength THEN e."Weight" ELSE w.strength END, w.depth + 1
                FROM walk w JOIN kb_edges e ON e."FromId" = w.node WHERE w.depth < 5
            )
            SELECT n."Name" AS "Name", MAX(w.strength) AS "Strength" FROM walk w JOIN kb_nodes n ON n."Id" = w.node
            WHERE n."Kind" = {KbNodeKinds.Fix} GROUP BY n."Name"
            """).ToListAsync(ct);
        return rows.Where(r => r.Strength >= 2).ToDictionary(r => r.Name, r => (int)Math.Round(r.Strength - 1), StringComparer.Ordinal);
    }

    internal static void Copy(KnowledgeEntry e, KbEntryRecord r, DateTime now)
    {
        r.Source = e.Source;
        r.Line = e.Line;
        r.AlertNamesJson = JsonSerializer.Serialize(e.AlertNames);
        r.MatchersJson = JsonSerializer.Serialize(e.Matchers);
        r.KeywordsJson = JsonSerializer.Serialize(e.Keywords);
        (r.Meaning, r.Impact, r.Diagnosis, r.Mitigation, r.Rollback) = (e.Meaning, e.Impact, e.Diagnosis, e.Mitigation, e.Rollback);
        (r.Component, r.ConfigurationItem, r.Patch) = (e.Component, e.ConfigurationItem, e.Patch);
        r.ImportedAtUtc = now;
    }

    internal static KnowledgeEntry ToDomain(KbEntryRecord r) => new(r.Title, r.Source, r.Line)
    {
        AlertNames = Read<List<string>>(r.AlertNamesJson) ?? [],
        Matchers = Read<Dictionary<string, string>>(r.MatchersJson) ?? [],
        Keywords = Read<List<string>>(r.KeywordsJson) ?? [],
        Meaning = r.Meaning, Impact = r.Impact, Diagnosis = r.Diagnosis, Mitigation = r.Mitigation, Rollback = r.Rollback,
        Component = r.Component, ConfigurationItem = r.ConfigurationItem, Patch = r.Patch,
    };

    private static T? Read<T>(string json) => JsonSerializer.Deserialize<T>(json);

    private static string Clip(string s, int max) => s.Length <= max ? s : s[..max];

    /// <summary>A stable 16-hex-digit key for an imported incident's id.</summary>
    public static string Fingerprint(string id) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)))[..16];
}
