using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Jiedan.Common.Storage;

/// <summary>
/// Lets <c>dotnet ef</c> build a context for one provider without a running host. A migrations project
/// declares one one-line subclass per context; no database is contacted when a migration is added.
/// </summary>
public abstract class DesignTimeFactory<TContext>(DatabaseProvider provider) : IDesignTimeDbContextFactory<TContext>
    where TContext : DbContext
{
    public TContext CreateDbContext(string[] args)
    {
        var target = provider == DatabaseProvider.Sqlite
            ? new DatabaseTarget(provider, "Data Source=design-time.db")
            : new DatabaseTarget(provider, "Host=127.0.0.1;Database=design_time;Username=design");
        var builder = new DbContextOptionsBuilder<TContext>();
        JiedanDb.Configure<TContext>(builder, target);
        return (TContext)Activator.CreateInstance(typeof(TContext), builder.Options)!;
    }
}
