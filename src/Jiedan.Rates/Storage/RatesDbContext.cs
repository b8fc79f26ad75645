using Microsoft.EntityFrameworkCore;

namespace Jiedan.Rates.Storage;

/// <summary>
/// The market-rate table. Until the rates module had a context of its own, the deals context created it; its first
/// migration therefore takes over an existing table instead of creating a second one.
/// </summary>
public sealed class RatesDbContext(DbContextOptions<RatesDbContext> options) : DbContext(options)
{
    public DbSet<MarketRateRecord> MarketRates => Set<MarketRateRecord>();

    private static readonly string[] TextColumns = ["Platform", "Band", "Currency"];

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<MarketRateRecord>(e =>
        {
            e.ToTable("market_rates");
            e.HasKey(r => new { r.Platform, r.Band });
            e.Property(r => r.Low).HasPrecision(18, 2);
            e.Property(r => r.High).HasPrecision(18, 2);
            foreach (var p in TextColumns) e.Property(p).HasMaxLength(32);
        });
}
