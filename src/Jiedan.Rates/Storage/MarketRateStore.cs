using Jiedan.Domain.Currencies;
using Jiedan.Domain.Deals;
using Jiedan.Domain.Rates;
using Microsoft.EntityFrameworkCore;

namespace Jiedan.Rates.Storage;

/// <summary>The editable market-rate table. Empty storage means the seed defaults.</summary>
public sealed class MarketRateStore(RatesDbContext db, TimeProvider clock)
{
    public async Task<MarketRateTable> LoadAsync(CancellationToken ct)
    {
        var rows = await db.MarketRates.AsNoTracking().ToListAsync(ct);
        if (rows.Count == 0) return MarketRateTable.SeedDefaults;
        return new MarketRateTable(rows.Select(r => MarketRate.Create(Enum.Parse<Platform>(r.Platform), Enum.Parse<SeniorityBand>(r.Band),
            r.Low, r.High, Currency.Parse(r.Currency))));
    }

    /// <summary>Sets one band (validated by <see cref="MarketRate.Create"/>); the first edit copies the defaults in.</summary>
    public async Task SaveAsync(MarketRate rate, CancellationToken ct)
    {
        if (!await db.MarketRates.AnyAsync(ct))
            db.MarketRates.AddRange(MarketRateTable.SeedDefaults.All.Select(ToRecord));
        await db.SaveChangesAsync(ct);
        var row = await db.MarketRates.FirstOrDefaultAsync(r => r.Platform == rate.Platform.ToString() && r.Band == rate.Band.ToString(),
            ct);
        if (row is null) db.MarketRates.Add(ToRecord(rate));
        else
        {
            row.Low = rate.Low.Amount;
            row.High = rate.High.Amount;
            row.Currency = rate.Low.Currency.Code;
            row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        }
        await db.SaveChangesAsync(ct);
    }

    private MarketRateRecord ToRecord(MarketRate r) => new()
    {
        Platform = r.Platform.ToString(), Band = r.Band.ToString(), Low = r.Low.Amount, High = r.High.Amount,
        Currency = r.Low.Currency.Code, UpdatedAt = clock.GetUtcNow().UtcDateTime,
    };
}
