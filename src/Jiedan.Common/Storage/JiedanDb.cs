using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jiedan.Common.Storage;

/// <summary>
/// Every capability owns a DbContext of its own (its tables, its migrations, its history table), so slices
/// evolve without touching each other. This is where each one is pointed at SQLite or PostgreSQL.
/// </summary>
public static class JiedanDb
{
    public const string SqliteMigrationsAssembly = "Jiedan.Data.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "Jiedan.Data.Migrations.Postgres";

    /// <summary>The contexts that <see cref="MigrateAsync"/> brings up to date, in order.</summary>
    public static IReadOnlyList<Type> ContextTypes { get { lock (Registered) return [.. Registered]; } }
    private static readonly List<Type> Registered = [];

    public static void Configure<TContext>(DbContextOptionsBuilder builder, DatabaseTarget target) where TContext : DbContext
    {
        var history = "__migrations_" + typeof(TContext).Name.Replace("DbContext", "", StringComparison.Ordinal).ToLowerInvariant();
        if (target.Provider == DatabaseProvider.Sqlite)
        {
            builder.UseSqlite(target.ConnectionString, o => o.MigrationsAssembly(SqliteMigrationsAssembly).MigrationsHistoryTable(history));
            builder.AddInterceptors(SqlitePragmas.Instance);
        }
        else
        {
            builder.UseNpgsql(target.ConnectionString,
                o => o.MigrationsAssembly(PostgresMigrationsAssembly).MigrationsHistoryTable(history));
        }
    }

    /// <summary>
    /// A context of type <paramref name="context"/> on an connection the caller opened and owns, so that several contexts
    /// share one transaction (<c>jiedan db copy</c>).
    /// </summary>
    public static DbContext OnConnection(Type context, DatabaseTarget target, DbConnection connection)
    {
        var builder = (DbContextOptionsBuilder)Activator.CreateInstance(typeof(DbContextOptionsBuilder<>).MakeGenericType(context))!;
        if (target.Provider == DatabaseProvider.Sqlite) builder.UseSqlite(connection, o => o.MigrationsAssembly(SqliteMigrationsAssembly));
        else builder.UseNpgsql(connection, o => o.MigrationsAssembly(PostgresMigrationsAssembly));
        return (DbContext)Activator.CreateInstance(context, builder.Options)!;
    }

    /// <summary>Registers a capability's context for <paramref name="target"/> and remembers it for migration.</summary>
    public static IServiceCollection AddJiedanContext<TContext>(this IServiceCollection services, DatabaseTarget target)
        where TContext : DbContext
    {
        lock (Registered)
            if (!Registered.Contains(typeof(TContext))) Registered.Add(typeof(TContext));
        services.AddDbContext<TContext>(b => Configure<TContext>(b, target));
        services.AddDbContextFactory<TContext>(b => Configure<TContext>(b, target), ServiceLifetime.Singleton);
        return services;
    }

    /// <summary>Creates the database if needed and applies every registered context's migrations.</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        var target = services.GetRequiredService<DatabaseTarget>();
        if (target.SqliteFile is { } file && Path.GetDirectoryName(Path.GetFullPath(file)) is { } dir) Directory.CreateDirectory(dir);
        using var scope = services.CreateScope();
        // The registry is process-wide; a provider built with fewer capabilities (one CLI command's) skips the others.
        foreach (var type in ContextTypes)
            if (scope.ServiceProvider.GetService(type) is DbContext db)
                await db.Database.MigrateAsync(ct);
    }
}
