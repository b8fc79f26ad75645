using Jiedan.Deals.Storage;
using Jiedan.Domain.Rates;
using Jiedan.Rates.Storage;
using Microsoft.EntityFrameworkCore;

namespace Jiedan.Quote.Services;

/// <summary>Where quotes get the market rate table.</summary>
public interface IMarketRateSource
{
    Task<MarketRateTable> LoadAsync(CancellationToken ct);
}

/// <summary>Whether a deal exists, so a quote is only ever linked to a real one.</summary>
public interface IDealLookup
{
    Task<bool> ExistsAsync(long dealId, CancellationToken ct);
}

/// <summary>The editable rate table of capability 1 (seed defaults until someone edits it).</summary>
public sealed class StoredMarketRates(MarketRateStore store) : IMarketRateSource
{
    public Task<MarketRateTable> LoadAsync(CancellationToken ct) => store.LoadAsync(ct);
}

public sealed class StoredDeals(DealsDbContext deals) : IDealLookup
{
    public Task<bool> ExistsAsync(long dealId, CancellationToken ct) => deals.Deals.AnyAsync(d => d.Id == dealId, ct);
}
