using Jiedan.Common.Storage;
using Jiedan.Deals.Storage;

namespace Jiedan.Bench.Pipeline;

/// <summary>Writes deals with their events and spans straight through the driver (seeding speed is not what is measured).</summary>
public interface IBulkLoader : IAsyncDisposable
{
    Task WriteAsync(IReadOnlyList<DealRecord> deals, CancellationToken ct);

    /// <summary>Commits and leaves the database as the product would find it (identity sequences past the seeded ids).</summary>
    Task CompleteAsync(CancellationToken ct);

    static async Task<IBulkLoader> OpenAsync(DatabaseTarget target, CancellationToken ct) =>
        target.Provider == DatabaseProvider.Sqlite
            ? await SqliteBulkLoader.OpenAsync(target.ConnectionString, ct)
            : await PostgresBulkLoader.OpenAsync(target.ConnectionString, ct);
}
