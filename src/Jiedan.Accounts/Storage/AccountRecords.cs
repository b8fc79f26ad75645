namespace Jiedan.Accounts.Storage;

public sealed class UserRecord
{
    public long Id { get; set; }
    public required string UserName { get; set; }
    /// <summary>PBKDF2 hash (ASP.NET Core Identity's format); null until the owner has used the setup link.</summary>
    public string? PasswordHash { get; set; }
    public required string Role { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>A one-time setup link: only its SHA-256 is stored; it expires and is consumed by use.</summary>
public sealed class SetupTokenRecord
{
    public long Id { get; set; }
    public long UserId { get; set; }
    public required string TokenHash { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? UsedAt { get; set; }
}

/// <summary>An API token for scripts and the CLI: only its SHA-256 is stored; the token is shown once.</summary>
public sealed class ApiTokenRecord
{
    public long Id { get; set; }
    public long UserId { get; set; }
    public required string Name { get; set; }
    public required string TokenHash { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>Refreshed at most once an hour, so a busy script does not write on every request.</summary>
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}

/// <summary>
/// A dashboard login: the cookie carries a random session id, only its SHA-256 is stored. Logout revokes it;
/// setting a password revokes all of the user's sessions; the sessions page revokes one, or all but the current.
/// </summary>
public sealed class SessionRecord
{
    public long Id { get; set; }
    public long UserId { get; set; }
    public required string TokenHash { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>Refreshed at most once an hour; null for sessions started before it was recorded (then CreatedAt counts).</summary>
    public DateTime? LastSeenAt { get; set; }
    /// <summary>The browser's User-Agent at login, clipped: what the owner recognises a device by.</summary>
    public string? Client { get; set; }
    public DateTime? RevokedAt { get; set; }
}
