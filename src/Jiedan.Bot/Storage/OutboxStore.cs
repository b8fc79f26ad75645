using System.Data.Common;
using Jiedan.Common.Storage;
using Microsoft.EntityFrameworkCore;

namespace Jiedan.Bot.Storage;

/// <summary>A claimed outbox row: what to call, and how many times it was tried before.</summary>
public sealed record OutboxItem(long Id, string Platform, string Bot, string Method, string Payload, int Attempts);

/// <summary>
/// Claims and settles outbox rows. A claim is a lease: the row is this instance's until <c>claimed_until_utc</c>;
/// settling checks the lease is still ours, so a row is never marked by two senders. PostgreSQL claims with
/// <c>FOR UPDATE SKIP LOCKED</c> (instances never wait on, or take, each other's rows); SQLite's single writer
/// makes the same UPDATE atomic.
/// </summary>
public sealed class OutboxStore(IDbContextFactory<BotDbContext> contexts, DatabaseTarget target, BotWriteGate gate, TimeProvider time)
{
    public async Task<IReadOnlyList<OutboxItem>> ClaimAsync(string instance, int max, TimeSpan lease, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var lockClause = target.Provider == DatabaseProvider.Postgres ? " FOR UPDATE SKIP LOCKED" : "";
        var sql = $"""
            UPDATE bot_outbox SET claimed_by = @me, claimed_until_utc = @until
            WHERE id IN (SELECT id FROM bot_outbox
                         WHERE sent_at_utc IS NULL AND failed_at_utc IS NULL AND next_attempt_at_utc <= @now
                           AND (claimed_until_utc IS NULL OR claimed_until_utc < @now)
                         ORDER BY id LIMIT @max{lockClause})
            RETURNING id, platform, bot, method, payload, attempts
            """;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        await using var cmd = Command(connection, sql, ("@me", instance), ("@until", now + lease), ("@now", now), ("@max", max));
        var items = new List<OutboxItem>();
        using (await gate.EnterAsync(ct))
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
                items.Add(new OutboxItem(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                    reader.GetString(4), reader.GetInt32(5)));
        }
        return [.. items.OrderBy(i => i.Id)];
    }

    /// <summary>Records a delivery. Returns false if the lease had been lost (another instance may own the row now).</summary>
    public Task<bool> MarkSentAsync(string instance, long id, CancellationToken ct) =>
        SettleAsync("sent_at_utc = @now, sent_by = @me, attempts = attempts + 1, " +
            "claimed_by = NULL, claimed_until_utc = NULL, last_error = NULL",
            instance, id, null, null, ct);

    /// <summary>Schedules another attempt at <paramref name="nextAttemptUtc"/>, keeping the error for the dashboard.</summary>
    public Task<bool> MarkRetryAsync(string instance, long id, string error, DateTime nextAttemptUtc, CancellationToken ct) =>
        SettleAsync("attempts = attempts + 1, next_attempt_at_utc = @next, last_error = @error, " +
            "claimed_by = NULL, claimed_until_utc = NULL",
            instance, id, error, nextAttemptUtc, ct);

    /// <summary>Gives up on a row the platform refused for good (or after too many attempts).</summary>
    public Task<bool> MarkFailedAsync(string instance, long id, string error, CancellationToken ct) =>
        SettleAsync("attempts = attempts + 1, failed_at_utc = @now, last_error = @error, claimed_by = NULL, claimed_until_utc = NULL",
            instance, id, error, null, ct);

    /// <summary>Hands claimed rows back unsent (the lease would run out before they could be sent).</summary>
    public async Task ReleaseAsync(string instance, IEnumerable<long> ids, CancellationToken ct)
    {
        foreach (var id in ids)
            await SettleAsync("claimed_by = NULL, claimed_until_utc = NULL", instance, id, null, null, ct);
    }

    private async Task<bool> SettleAsync(string set, string instance, long id, string? error, DateTime? next, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        var parameters = new List<(string, object)> { ("@id", id), ("@me", instance) };
        if (set.Contains("@now", StringComparison.Ordinal)) parameters.Add(("@now", time.GetUtcNow().UtcDateTime));
        if (error is not null) parameters.Add(("@error", error));
        if (next is { } at) parameters.Add(("@next", at));
        await using var cmd = Command(connection, $"UPDATE bot_outbox SET {set} WHERE id = @id AND claimed_by = @me", [.. parameters]);
        using (await gate.EnterAsync(ct)) return await cmd.ExecuteNonQueryAsync(ct) == 1;
    }

    private static DbCommand Command(DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = name;
            p.Value = value;
            cmd.Parameters.Add(p);
        }
        return cmd;
    }
}
