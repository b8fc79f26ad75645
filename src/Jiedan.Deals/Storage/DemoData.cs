using Jiedan.Common.Modules;
using Microsoft.EntityFrameworkCore;

namespace Jiedan.Deals.Storage;

/// <summary>Demo rows one module deleted.</summary>
public sealed record DemoRowsRemoved(string Module, int Rows);

/// <summary>What <c>jiedan demo remove</c> deleted: each module's demo rows, then the demo deals.</summary>
public sealed record DemoRemoval(IReadOnlyList<DemoRowsRemoved> Modules, DemoDealsRemoved Deals)
{
    public int Rows => Modules.Sum(m => m.Rows) + Deals.Rows;
}

/// <summary>
/// The demo as a whole, one code path for <c>jiedan serve --demo</c> and <c>jiedan demo add|remove</c>: the demo deals first,
/// then each module's demo rows on them (<see cref="IJiedanModule.SeedDemoAsync"/>); removal in the opposite order, each module in
/// its own transaction (<see cref="IJiedanModule.RemoveDemoAsync"/>), the deals last.
/// </summary>
public static class DemoData
{
    /// <summary>
    /// Loads the demo; returns the number of demo deals loaded, 0 (and nothing changed) when demo deals are there already or,
    /// with <paramref name="onlyIntoEmpty"/>, when there is any deal. <paramref name="services"/> is a root provider.
    /// </summary>
    public static async Task<int> AddAsync(IServiceProvider services, IEnumerable<IJiedanModule> modules, bool onlyIntoEmpty,
        CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
        var added = onlyIntoEmpty ? await seeder.SeedIfEmptyAsync(ct) : await seeder.SeedUnlessPresentAsync(ct);
        if (added == 0) return 0;
        foreach (var module in modules) await module.SeedDemoAsync(scope.ServiceProvider, ct);
        return added;
    }

    /// <summary>Deletes every module's demo rows, then the demo deals; real deals and their rows stay as they were.</summary>
    public static async Task<DemoRemoval> RemoveAsync(IServiceProvider services, IEnumerable<IJiedanModule> modules, CancellationToken ct)
    {
        IReadOnlyList<long> ids;
        using (var scope = services.CreateScope()) ids = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().DemoDealIdsAsync(ct);
        var removed = new List<DemoRowsRemoved>();
        foreach (var module in modules.Reverse())
        {
            using var scope = services.CreateScope();
            removed.Add(new DemoRowsRemoved(NameOf(module), await module.RemoveDemoAsync(scope.ServiceProvider, ids, ct)));
        }
        removed.Reverse();
        using var last = services.CreateScope();
        return new DemoRemoval(removed, await last.ServiceProvider.GetRequiredService<DemoSeeder>().RemoveAsync(ct));
    }

    /// <summary><c>QuoteModule</c> → <c>quote</c>.</summary>
    private static string NameOf(IJiedanModule module) =>
        module.GetType().Name.Replace("Module", "", StringComparison.Ordinal).ToLowerInvariant();
}
