using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace Jiedan.Accounts.Storage;

/// <summary>
/// Owner account, setup links and API tokens. There is no default password: the first start creates the owner
/// without one and issues a one-time setup link; tokens and links are stored only as hashes.
/// </summary>
public sealed class AccountService(AccountsDbContext db, TimeProvider clock, SessionCache sessions)
{
    public const string OwnerName = "owner";
    public const int MinimumPasswordLength = 10;
    private static readonly TimeSpan SetupLinkLifetime = TimeSpan.FromHours(24);

    /// <summary>
    /// Creates the owner on first run. Returns a fresh setup token while the owner has no password yet (older
    /// links stop working), or null once a password is set.
    /// </summary>
    public async Task<string?> EnsureOwnerAsync(CancellationToken ct)
    {
        var owner = await db.Users.FirstOrDefaultAsync(u => u.UserName == OwnerName, ct);
        if (owner is null)
        {
            owner = new UserRecord { UserName = OwnerName, Role = "Owner", CreatedAt = clock.GetUtcNow().UtcDateTime };
            db.Users.Add(owner);
            await db.SaveChangesAsync(ct);
        }
        return owner.PasswordHash is null ? await IssueSetupTokenAsync(owner.Id, ct) : null;
    }

    /// <summary>A new one-time setup link for the owner, invalidating earlier ones (for a lost link or a password reset).</summary>
    public async Task<string> IssueSetupTokenAsync(long userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.SetupTokens.Where(t => t.UserId == userId && t.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), ct);
        var token = PasswordHashing.NewToken("setup_");
        db.SetupTokens.Add(new SetupTokenRecord { UserId = userId, TokenHash = PasswordHashing.TokenHash(token), ExpiresAt = now
            + SetupLinkLifetime });
        await db.SaveChangesAsync(ct);
        return token;
    }

    public async Task<long> OwnerIdAsync(CancellationToken ct) =>
        await FindOwnerIdAsync(ct) ?? throw new InvalidOperationException("no owner yet: start 'jiedan serve' once");

    /// <summary>The owner's id, or null before the first start; unlike <see cref="EnsureOwnerAsync"/>, issues no setup link.</summary>
    public async Task<long?> FindOwnerIdAsync(CancellationToken ct) =>
        (await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserName == OwnerName, ct))?.Id;

    /// <summary>Sets the password through a setup token. Returns the user, or an error message.</summary>
    public async Task<(UserRecord? User, string? Error)> CompleteSetupAsync(string token, string password, CancellationToken ct)
    {
        if (password.Length < MinimumPasswordLength) return (null, $"the password needs at least {MinimumPasswordLength} characters");
        var hash = PasswordHashing.TokenHash(token);
        var now = clock.GetUtcNow().UtcDateTime;
        var record = await db.SetupTokens.FirstOrDefaultAsync(t => t.TokenHash == hash, ct);
        if (record is null || record.UsedAt is not null || record.ExpiresAt < now) return (null,
            "this setup link is invalid, used or expired");
        var user = await db.Users.FirstAsync(u => u.Id == record.UserId, ct);
        user.PasswordHash = PasswordHashing.Hash(password);
        record.UsedAt = now;
        await db.SaveChangesAsync(ct);
        await RevokeSessionsAsync(user.Id, ct);
        return (user, null);
    }

    public async Task<UserRecord?> VerifyPasswordAsync(string userName, string password, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserName == userName, ct);
        if (user?.PasswordHash is null)
        {
            PasswordHashing.Verify(password, DummyHash); // same work either way: no user enumeration by timing
            return null;
        }
        return PasswordHashing.Verify(password, user.PasswordHash) ? user : null;
    }

    /// <summary>The width of <c>api_tokens.name</c>.</summary>
    public const int MaxTokenNameLength = 128;

    public async Task<string> CreateApiTokenAsync(long userId, string name, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(name.Length, MaxTokenNameLength, nameof(name));
        var token = PasswordHashing.NewToken("jd_");
        db.ApiTokens.Add(new ApiTokenRecord { UserId = userId, Name = name, TokenHash = PasswordHashing.TokenHash(token),
            CreatedAt = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(ct);
        return token;
    }

    public async Task<UserRecord?> FindByApiTokenAsync(string token, CancellationToken ct)
    {
        var hash = PasswordHashing.TokenHash(token);
        var found = await db.ApiTokens.AsNoTracking().Where(t => t.TokenHash == hash && t.RevokedAt == null)
            .Select(t => new { t.Id, t.UserId, t.LastUsedAt }).FirstOrDefaultAsync(ct);
        if (found is null) return null;
        var now = clock.GetUtcNow().UtcDateTime;
        if (found.LastUsedAt is null || now - found.LastUsedAt > LastUsedResolution)
            await db.ApiTokens.Where(t => t.Id == found.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), ct);
        return await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == found.UserId, ct);
    }

    public async Task<IReadOnlyList<ApiTokenRecord>> ListApiTokensAsync(CancellationToken ct) =>
        await db.ApiTokens.AsNoTracking().OrderBy(t => t.Id).ToListAsync(ct);

    /// <summary>Revokes the token with this id, or every active token with this name. Returns how many were revoked.</summary>
    public async Task<int> RevokeApiTokenAsync(string nameOrId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var active = db.ApiTokens.Where(t => t.RevokedAt == null);
        var matching = long.TryParse(nameOrId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? active.Where(t => t.Id == id || t.Name == nameOrId)
            : active.Where(t => t.Name == nameOrId);
        return await matching.ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), ct);
    }

    /// <summary>How long a session lasts unused: the auth cookie's sliding lifetime. Past it the session no longer
    /// authenticates, and the user's next login deletes it.</summary>
    public static readonly TimeSpan SessionIdleLimit = TimeSpan.FromDays(7);

    /// <summary>The width of <c>sessions.client</c>.</summary>
    public const int MaxSessionClientLength = 200;

    /// <summary>
    /// Starts a dashboard session; the returned id goes into the auth cookie and is stored only as a hash. The user's
    /// revoked and idle sessions are deleted here, so the table holds only what can still be listed.
    /// </summary>
    public async Task<string> StartSessionAsync(long userId, string? client, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var idleSince = now - SessionIdleLimit;
        await db.Sessions.Where(s => s.UserId == userId && (s.RevokedAt != null || (s.LastSeenAt ?? s.CreatedAt) < idleSince))
            .ExecuteDeleteAsync(ct);
        var id = PasswordHashing.NewToken("s_");
        var hash = PasswordHashing.TokenHash(id);
        db.Sessions.Add(new SessionRecord { UserId = userId, TokenHash = hash, CreatedAt = now, LastSeenAt = now, Client = Clip(client) });
        await db.SaveChangesAsync(ct);
        sessions.RememberActive(hash, userId);
        return id;
    }

    public async Task<bool> IsSessionActiveAsync(string sessionId, long userId, CancellationToken ct)
    {
        var hash = PasswordHashing.TokenHash(sessionId);
        if (sessions.IsKnownActive(hash, userId)) return true;
        var found = await db.Sessions.AsNoTracking().Where(s => s.TokenHash == hash && s.UserId == userId && s.RevokedAt == null)
            .Select(s => new { s.Id, Seen = s.LastSeenAt ?? s.CreatedAt }).FirstOrDefaultAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (found is null || now - found.Seen > SessionIdleLimit) return false;
        if (now - found.Seen > LastUsedResolution)
            await db.Sessions.Where(s => s.Id == found.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now), ct);
        sessions.RememberActive(hash, userId);
        return true;
    }

    /// <summary>One of a user's sessions as the sessions page lists it (never its token).</summary>
    public sealed record SessionView(long Id, DateTime CreatedAt, DateTime LastSeenAt, string? Client, bool IsCurrent);

    /// <summary>The user's sessions that can still authenticate, the most recently used first.</summary>
    public async Task<IReadOnlyList<SessionView>> ListSessionsAsync(long userId, string? currentSessionId, CancellationToken ct)
    {
        var current = currentSessionId is null ? null : PasswordHashing.TokenHash(currentSessionId);
        var idleSince = clock.GetUtcNow().UtcDateTime - SessionIdleLimit;
        var rows = await db.Sessions.AsNoTracking()
            .Where(s => s.UserId == userId && s.RevokedAt == null && (s.LastSeenAt ?? s.CreatedAt) >= idleSince)
            .Select(s => new { s.Id, s.CreatedAt, Seen = s.LastSeenAt ?? s.CreatedAt, s.Client, s.TokenHash })
            .ToListAsync(ct);
        return [.. rows.OrderByDescending(r => r.Seen).ThenByDescending(r => r.Id)
            .Select(r => new SessionView(r.Id, r.CreatedAt, r.Seen, r.Client, r.TokenHash == current))];
    }

    /// <summary>Ends one of the user's sessions (a lost or shared device). Returns whether it was active.</summary>
    public async Task<bool> RevokeSessionAsync(long userId, long sessionId, CancellationToken ct)
    {
        var hash = await db.Sessions.AsNoTracking().Where(s => s.Id == sessionId && s.UserId == userId && s.RevokedAt == null)
            .Select(s => s.TokenHash).FirstOrDefaultAsync(ct);
        if (hash is null) return false;
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Sessions.Where(s => s.Id == sessionId).ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, now), ct);
        sessions.Forget(hash);
        return true;
    }

    /// <summary>Logs the user out everywhere but in <paramref name="currentSessionId"/>. Returns how many sessions ended.</summary>
    public async Task<int> RevokeOtherSessionsAsync(long userId, string currentSessionId, CancellationToken ct)
    {
        var keep = PasswordHashing.TokenHash(currentSessionId);
        var now = clock.GetUtcNow().UtcDateTime;
        var ended = await db.Sessions.Where(s => s.UserId == userId && s.RevokedAt == null && s.TokenHash != keep)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, now), ct);
        sessions.ForgetUser(userId);
        return ended;
    }

    /// <summary>Logs out the session whose cookie carries <paramref name="sessionId"/>.</summary>
    public async Task RevokeSessionAsync(string sessionId, CancellationToken ct)
    {
        var hash = PasswordHashing.TokenHash(sessionId);
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Sessions.Where(s => s.TokenHash == hash && s.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, now), ct);
        sessions.Forget(hash);
    }

    private static string? Clip(string? client)
    {
        var printable = new string((client ?? "").Where(c => !char.IsControl(c)).ToArray()).Trim();
        return printable.Length == 0 ? null : printable.Length <= MaxSessionClientLength ? printable : printable[..MaxSessionClientLength];
    }

    /// <summary>Logs the user out everywhere (a new password).</summary>
    public async Task RevokeSessionsAsync(long userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Sessions.Where(s => s.UserId == userId && s.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, now), ct);
        sessions.ForgetUser(userId);
    }

    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromHours(1);

    private static readonly string DummyHash = PasswordHashing.Hash(Guid.NewGuid().ToString());
}
