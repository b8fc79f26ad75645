using Microsoft.EntityFrameworkCore;

namespace Jiedan.Credibility.Storage;

/// <summary>Conversion estimates per deal (one row per scoring) and the weights adopted over time.</summary>
public sealed class ConversionDbContext(DbContextOptions<ConversionDbContext> options) : DbContext(options)
{
    public DbSet<DealConversionScoreRecord> Scores => Set<DealConversionScoreRecord>();
    public DbSet<ConversionWeightsRecord> Weights => Set<ConversionWeightsRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<DealConversionScoreRecord>(e =>
        {
            e.ToTable("deal_conversion_scores");
            e.HasIndex(r => new { r.DealId, r.CreatedAtUtc });
            e.Property(r => r.SourceNotes).HasMaxLength(Jiedan.Domain.Credibility.Conversion.ConversionLimits.Notes);
        });
        modelBuilder.Entity<ConversionWeightsRecord>(e =>
        {
            e.ToTable("conversion_weights");
            e.HasIndex(r => r.CreatedAtUtc);
            e.Property(r => r.Source).HasMaxLength(16);
        });
    }
}
