using Microsoft.EntityFrameworkCore;

namespace Jiedan.Credibility.Storage;

/// <summary>The published trust pages. A page that is not here is not public.</summary>
public sealed class TrustDbContext(DbContextOptions<TrustDbContext> options) : DbContext(options)
{
    public DbSet<TrustPageRecord> Pages => Set<TrustPageRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<TrustPageRecord>(e =>
        {
            e.ToTable("trust_pages");
            e.HasIndex(p => p.Slug).IsUnique();
            e.Property(p => p.Slug).HasMaxLength(Domain.Credibility.Trust.TrustSlug.MaxLength);
            e.Property(p => p.Project).HasMaxLength(500);
            e.Property(p => p.Title).HasMaxLength(TrustPageStore.MaxTitleLength);
            e.Property(p => p.Repository).HasMaxLength(TrustPageStore.MaxRepositoryLength);
        });
    }
}
