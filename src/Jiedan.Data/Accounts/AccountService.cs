using Microsoft.EntityFrameworkCore;

namespace Jiedan.Data.Accounts;

/// <summary>
/// Owner account, setup links and API tokens. There is no default password: the first start creates the owner
/// without one and issues a one-time setup link; tokens and links are stored only as hashes.
/// </summary>
public sealed class AccountService(AccountsDbContext db, TimeProvider clock)
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
        await db.SetupTokens.Where(t => t.UserId == userId && t.UsedAt == null).ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), ct);
        var token = PasswordHashing.NewToken("setup_");
        db.SetupTokens.Add(new SetupTokenRecord { UserId = userId, TokenHash = PasswordHashing.TokenHash(token), ExpiresAt = now + SetupLinkLifetime });
        await db.SaveChangesAsync(ct);
        return token;
    }

    public async Task<long> OwnerIdAsync(CancellationToken ct) =>
        (await db.Users.FirstOrDefaultAsync(u => u.UserName == OwnerName, ct))?.Id ?? throw new InvalidOperationException("no owner yet: start 'jiedan serve' once");

    /// <summary>Sets the password through a setup token. Returns the user, or an error message.</summary>
    public async Task<(UserRecord? User, string? Error)> CompleteSetupAsync(string token, string password, CancellationToken ct)
    {
        if (password.Length < MinimumPasswordLength) return (null, $"the password needs at least {MinimumPasswordLength} characters");
        var hash = PasswordHashing.TokenHash(token);
        var now = clock.GetUtcNow().UtcDateTime;
        var record = await db.SetupTokens.FirstOrDefaultAsync(t => t.TokenHash == hash, ct);
        if (record is null || record.UsedAt is not null || record.ExpiresAt < now) return (null, "this setup link is invalid, used or expired");
        var user = await db.Users.FirstAsync(u => u.Id == record.UserId, ct);
        user.PasswordHash = PasswordHashing.Hash(password);
        record.UsedAt = now;
        await db.SaveChangesAsync(ct);
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

    public async Task<string> CreateApiTokenAsync(long userId, string name, CancellationToken ct)
    {
        var token = PasswordHashing.NewToken("jd_");
        db.ApiTokens.Add(new ApiTokenRecord { UserId = userId, Name = name, TokenHash = PasswordHashing.TokenHash(token), CreatedAt = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(ct);
        return token;
    }

    public async Task<UserRecord?> FindByApiTokenAsync(string token, CancellationToken ct)
    {
        var hash = PasswordHashing.TokenHash(token);
        var userId = await db.ApiTokens.AsNoTracking().Where(t => t.TokenHash == hash && t.RevokedAt == null).Select(t => (long?)t.UserId).FirstOrDefaultAsync(ct);
        return userId is null ? null : await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, ct);
    }

    private static readonly string DummyHash = PasswordHashing.Hash(Guid.NewGuid().ToString());
}
