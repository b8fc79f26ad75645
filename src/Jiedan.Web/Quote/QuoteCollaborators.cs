using Jiedan.Domain.Rates;

namespace Jiedan.Web.Quote;

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

/// <summary>The seed article's rates, used until the editable rate table is available.</summary>
public sealed class SeedMarketRates : IMarketRateSource
{
    public Task<MarketRateTable> LoadAsync(CancellationToken ct) => Task.FromResult(MarketRateTable.SeedDefaults);
}
