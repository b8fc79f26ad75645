using System.Text.Json;
using Jiedan.Deals.Storage;
using Jiedan.Domain.Incidents;
using Jiedan.Domain.Pipeline;
using Jiedan.Incidents.Storage;
using Microsoft.EntityFrameworkCore;

namespace Jiedan.Incidents.Services;

/// <summary>
/// Demo incidents on demo deals (firing and resolved, critical and warning, assisted by a suggestion or not, with
/// acknowledgement and MTTR) and the knowledge entries that fixed them, so /incidents and /knowledge show data from the first
/// start. Marked by <see cref="Fingerprint"/> (Alertmanager's are hexadecimal, so none can start with "demo-") and the entry
/// source <see cref="Source"/>. Stored as already notified and asked: the notifier never posts them to a chat.
/// </summary>
public sealed class IncidentDemoSeeder(IDbContextFactory<IncidentsDbContext> contexts, KnowledgeEditor editor, DealsDbContext deals,
    TimeProvider clock)
{
    public const string Source = "demo";
    public const string Receiver = "demo";
    public const string FingerprintPrefix = "demo-";

    private static readonly KnowledgeEntry[] Entries =
    [
        new("OrdersApiLatencyHigh", Source, 0)
        {
            AlertNames = ["HighRequestLatency"], Matchers = new Dictionary<string, string> { ["service"] = "orders-api" },
            Meaning = "p99 of the orders API above 250 ms for 5 minutes", Impact = "checkout slows down; clients abandon carts",
            Diagnosis = "compare pg_stat_activity with the pool size; look for sequential scans on orders",
            Mitigation = "raise the pool to 40 connections and add the missing index on orders(customer_id)",
            Component = "orders-api", ConfigurationItem = "postgres max_connections", Keywords = ["latency", "延迟", "连接池"],
        },
        new("PodCrashLooping", Source, 0)
        {
            AlertNames = ["KubePodCrashLooping"], Meaning = "a pod restarted more than 3 times in 10 minutes",
            Impact = "requests fail while the pod restarts", Diagnosis = "kubectl logs --previous; check the OOMKilled reason",
            Mitigation = "raise the memory limit to 512Mi", Rollback = "kubectl rollout undo deployment/<name>",
            Component = "kubernetes deployment", ConfigurationItem = "resources.limits.memory", Patch = "helm chart 2.3.1",
            Keywords = ["crash", "OOM", "重启"],
        },
        new("CertificateExpiringSoon", Source, 0)
        {
            AlertNames = ["SSLCertExpiringSoon"], Meaning = "a TLS certificate expires within 14 days",
            Impact = "browsers will refuse the site", Diagnosis = "openssl s_client -connect host:443 | openssl x509 -noout -dates",
            Mitigation = "renew with certbot renew and reload nginx", Component = "nginx", ConfigurationItem = "certbot renewal timer",
            Keywords = ["tls", "证书"],
        },
    ];

    public async Task<int> SeedAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (await db.Incidents.AnyAsync(i => EF.Functions.Like(i.Fingerprint, FingerprintPrefix + "%"), ct)) return 0;
        var saved = 0;
        foreach (var entry in Entries)
            if ((await editor.SaveAsync(null, entry, ct)).Outcome == KnowledgeEditor.Outcome.Saved) saved++;

        var dealIds = await deals.Deals.AsNoTracking().Where(d => d.IsDemo && d.Stage != PipelineStages.LostKey)
            .OrderByDescending(d => d.FurthestStageIndex).ThenBy(d => d.Id).Select(d => d.Id).Take(3).ToListAsync(ct);
        if (dealIds.Count == 0) return saved;
        var now = clock.GetUtcNow().UtcDateTime;
        long Deal(int i) => dealIds[i % dealIds.Count];
        var incidents = new[]
        {
            Incident(1, "HighRequestLatency", "critical", "orders-api", Deal(0), now.AddDays(-9), ackAfter: 4, resolveAfter: 38,
                fixedBy: Entries[0]),
            Incident(2, "KubePodCrashLooping", "critical", "orders-worker", Deal(1), now.AddDays(-6), ackAfter: 7, resolveAfter: 52,
                fixedBy: Entries[1]),
            Incident(3, "HighRequestLatency", "warning", "orders-api", Deal(0), now.AddDays(-2), ackAfter: 12, resolveAfter: 95,
                fixedBy: null),
            Incident(4, "SSLCertExpiringSoon", "warning", "gateway", Deal(2), now.AddHours(-5), ackAfter: 20, resolveAfter: null,
                fixedBy: Entries[2]),
            Incident(5, "KubePodCrashLooping", "critical", "orders-worker", Deal(1), now.AddMinutes(-25), ackAfter: null,
                resolveAfter: null, fixedBy: Entries[1]),
        };
        db.Incidents.AddRange(incidents);
        await db.SaveChangesAsync(ct);
        return saved + incidents.Length;

        IncidentRecord Incident(int n, string alert, string severity, string service, long dealId, DateTime startsAt, int? ackAfter,
            int? resolveAfter, KnowledgeEntry? fixedBy)
        {
            var resolved = resolveAfter is { } r ? startsAt.AddMinutes(r) : (DateTime?)null;
            return new IncidentRecord
            {
                Receiver = Receiver, Fingerprint = $"{FingerprintPrefix}{n:D6}", StartsAtUtc = startsAt, AlertName = alert, DealId = dealId,
                Status = resolved is null ? "firing" : "resolved", Origin = IncidentStore.AlertmanagerOrigin,
                LabelsJson = JsonSerializer.Serialize(new Dictionary<string, string>
                    { ["alertname"] = alert, ["severity"] = severity, ["service"] = service }),
                AnnotationsJson = JsonSerializer.Serialize(new Dictionary<string, string>
                    { ["summary"] = $"{alert} on {service} (demo)" }),
                ReceivedAtUtc = startsAt.AddSeconds(30), ResolvedAtUtc = resolved,
                AcknowledgedAtUtc = ackAfter is { } a ? startsAt.AddMinutes(a) : null,
                AcknowledgedBy = ackAfter is null ? null : "demo client",
                NotifiedAtUtc = startsAt.AddMinutes(1), FixAskedAtUtc = resolved,
                MatchesJson = fixedBy is null ? "[]" : JsonSerializer.Serialize(new[]
                    { new MatchDto(fixedBy.Title, Source, 0.91, fixedBy.Path, [$"alert name {alert}"]) }, MatchOutput.Json),
                Confident = fixedBy is not null,
                FixedBy = resolved is null ? null : fixedBy?.Title,
                FixRecordedAtUtc = resolved is not null && fixedBy is not null ? resolved : null,
            };
        }
    }

    /// <summary>
    /// Deletes the demo incidents, any incident of a demo deal, and the demo knowledge entries with their fix nodes and the
    /// nodes of their paths no real entry goes on from; nothing else, in one transaction.
    /// </summary>
    public async Task<int> RemoveAsync(IReadOnlyCollection<long> demoDealIds, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var removed = await db.Incidents.Where(i => EF.Functions.Like(i.Fingerprint, FingerprintPrefix + "%")).ExecuteDeleteAsync(ct);
        foreach (var chunk in demoDealIds.Chunk(500))
            removed += await db.Incidents.Where(i => i.DealId != null && chunk.Contains(i.DealId.Value)).ExecuteDeleteAsync(ct);
        var graph = new GraphWriter(db);
        var pathNodes = new List<(string Kind, string Name)>();
        foreach (var entry in await db.Entries.Where(e => e.Source == Source).ToListAsync(ct))
        {
            db.Entries.Remove(entry);
            await graph.RemoveFixAsync(entry.Title, ct);
            pathNodes.AddRange(PathNodes(entry));
            removed++;
        }
        await db.SaveChangesAsync(ct);
        removed += await graph.RemoveDanglingAsync(pathNodes, ct);
        await tx.CommitAsync(ct);
        return removed;
    }

    private static IEnumerable<(string Kind, string Name)> PathNodes(KbEntryRecord entry) =>
        (JsonSerializer.Deserialize<string[]>(entry.AlertNamesJson) ?? []).Append(entry.Title)
            .Select(name => (KbNodeKinds.Symptom, name))
            .Append((KbNodeKinds.Component, entry.Component))
            .Append((KbNodeKinds.ConfigurationItem, entry.ConfigurationItem))
            .Append((KbNodeKinds.Patch, entry.Patch));
}
