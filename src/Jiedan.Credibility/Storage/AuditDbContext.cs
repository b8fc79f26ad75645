using Microsoft.EntityFrameworkCore;

namespace Jiedan.Credibility.Storage;

/// <summary>Stored repository audits (<c>jiedan audit --save</c>), per repository, newest first.</summary>
public sealed class AuditDbContext(DbContextOptions<AuditDbContext> options) : DbContext(options)
{
    public DbSet<RepositoryAuditRecord> Audits => Set<RepositoryAuditRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<RepositoryAuditRecord>(e =>
        {
            e.ToTable("repository_audits");
            e.Property(r => r.Id).HasColumnName("id");
            e.Property(r => r.Repository).HasColumnName("repository").HasMaxLength(RepositoryAuditRecord.MaxRepositoryLength);
            e.Property(r => r.CreatedAtUtc).HasColumnName("created_at_utc");
            e.Property(r => r.Score).HasColumnName("score");
            e.Property(r => r.ChecksJson).HasColumnName("checks_json");
            e.Property(r => r.CiSuccessful).HasColumnName("ci_successful");
            e.Property(r => r.CiCompleted).HasColumnName("ci_completed");
            e.HasIndex(r => new { r.Repository, r.CreatedAtUtc });
        });
    }
}
