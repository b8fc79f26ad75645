using System.Collections.Concurrent;

namespace Jiedan.Accounts.Storage;

/// <summary>
/// Remembers for a short while which session ids were found active, so a page view costs no database query.
/// Revocation in this process evicts at once; another instance on the same database notices within <see cref="Lifetime"/>.
/// </summary>
public sealed class SessionCache(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    private const int MaxEntries = 10_000;
    private readonly ConcurrentDictionary<string, (long UserId, DateTimeOffset CheckedAt)> _active = new(StringComparer.Ordinal);

    public bool IsKnownActive(string tokenHash, long userId) =>
        _active.TryGetValue(tokenHash, out var entry) && entry.UserId == userId && clock.GetUtcNow() - entry.CheckedAt < Lifetime;

    public void RememberActive(string tokenHash, long userId)
    {
        if (_active.Count >= MaxEntries) _active.Clear();
        _active[tokenHash] = (userId, clock.GetUtcNow());
    }

    public void Forget(string tokenHash) => _active.TryRemove(tokenHash, out _);

    public void ForgetUser(long userId)
    {
        foreach (var (hash, entry) in _active)
            if (entry.UserId == userId) _active.TryRemove(hash, out _);
    }
}
