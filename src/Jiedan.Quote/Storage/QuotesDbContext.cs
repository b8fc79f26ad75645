using Microsoft.EntityFrameworkCore;

namespace Jiedan.Quote.Storage;

/// <summary>Quotes with their inputs and results, and saved calibrations.</summary>
public sealed class QuotesDbContext(DbContextOptions<QuotesDbContext> options) : DbContext(options)
{
    public DbSet<QuoteRecord> Quotes => Set<QuoteRecord>();
    public DbSet<CalibrationRecord> Calibrations => Set<CalibrationRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<QuoteRecord>(e =>
        {
            e.ToTable("quotes");
            e.HasIndex(q => q.DealId);
            e.Property(q => q.Title).HasMaxLength(300);
            e.Property(q => q.Platform).HasMaxLength(40);
            e.Property(q => q.Seniority).HasMaxLength(20);
            e.Property(q => q.Currency).HasMaxLength(3);
            e.Property(q => q.SpecFormat).HasMaxLength(8);
            e.Property(q => q.Tier).HasMaxLength(10);
            e.Property(q => q.Premium).HasPrecision(9, 4);
            e.Property(q => q.PriceLow).HasPrecision(18, 2);
            e.Property(q => q.PriceExpected).HasPrecision(18, 2);
            e.Property(q => q.PriceHigh).HasPrecision(18, 2);
        });
        modelBuilder.Entity<CalibrationRecord>(e =>
        {
            e.ToTable("quote_calibrations");
            e.HasIndex(c => c.CreatedAtUtc);
            e.Property(c => c.Source).HasMaxLength(500);
            e.Property(c => c.Method).HasMaxLength(10);
        });
    }
}
