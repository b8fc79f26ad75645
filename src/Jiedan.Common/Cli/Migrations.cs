using Jiedan.Common.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jiedan.Common.Cli;

/// <summary>A migration one context has not applied yet.</summary>
public sealed record PendingMigration(string Context, string Migration);

/// <summary>Which migrations a database lacks, and applying them; the CLI's only schema code.</summary>
public static class Migrations
{
    /// <summary>
    /// The pending migrations of <paramref name="contexts"/>. A SQLite file that does not exist lacks them all, and is not
    /// created by asking.
    /// </summary>
    public static async Task<IReadOnlyList<PendingMigration>> PendingAsync(
        IServiceProvider services, IEnumerable<Type> contexts, CancellationToken ct)
    {
        var target = services.GetRequiredService<DatabaseTarget>();
        var missing = target.SqliteFile is { } file && !File.Exists(file);
        using var scope = services.CreateScope();
        var pending = new List<PendingMigration>();
        foreach (var type in contexts)
        {
            var db = (DbContext)scope.ServiceProvider.GetRequiredService(type);
            var names = missing ? db.Database.GetMigrations() : await db.Database.GetPendingMigrationsAsync(ct);
            pending.AddRange(names.Select(n => new PendingMigration(Name(type), n)));
        }
        return pending;
    }

    /// <summary>Applies every pending migration of <paramref name="contexts"/>, in order; returns what it applied.</summary>
    public static async Task<IReadOnlyList<PendingMigration>> ApplyAsync(
        IServiceProvider services, IEnumerable<Type> contexts, CancellationToken ct)
    {
        var target = services.GetRequiredService<DatabaseTarget>();
        if (target.SqliteFile is { } file && Path.GetDirectoryName(Path.GetFullPath(file)) is { } dir) Directory.CreateDirectory(dir);
        var applied = new List<PendingMigration>();
        using var scope = services.CreateScope();
        foreach (var type in contexts)
        {
            var db = (DbContext)scope.ServiceProvider.GetRequiredService(type);
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            await db.Database.MigrateAsync(ct);
            applied.AddRange(pending.Select(n => new PendingMigration(Name(type), n)));
        }
        return applied;
    }

    /// <summary><c>BotDbContext</c> → <c>bot</c>, as in the history table's name.</summary>
    public static string Name(Type context) => context.Name.Replace("DbContext", "", StringComparison.Ordinal).ToLowerInvariant();
}
