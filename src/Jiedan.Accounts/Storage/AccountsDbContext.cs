using Microsoft.EntityFrameworkCore;

namespace Jiedan.Accounts.Storage;

public sealed class AccountsDbContext(DbContextOptions<AccountsDbContext> options) : DbContext(options)
{
    public DbSet<UserRecord> Users => Set<UserRecord>();
    public DbSet<SetupTokenRecord> SetupTokens => Set<SetupTokenRecord>();
    public DbSet<ApiTokenRecord> ApiTokens => Set<ApiTokenRecord>();
    public DbSet<SessionRecord> Sessions => Set<SessionRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<UserRecord>(e =>
        {
            e.ToTable("users");
            e.HasIndex(u => u.UserName).IsUnique();
            e.Property(u => u.UserName).HasMaxLength(128);
            e.Property(u => u.Role).HasMaxLength(32);
        });
        modelBuilder.Entity<SetupTokenRecord>(e =>
        {
            e.ToTable("setup_tokens");
            e.HasIndex(t => t.TokenHash).IsUnique();
            e.Property(t => t.TokenHash).HasMaxLength(64);
        });
        modelBuilder.Entity<ApiTokenRecord>(e =>
        {
            e.ToTable("api_tokens");
            e.HasIndex(t => t.TokenHash).IsUnique();
            e.Property(t => t.TokenHash).HasMaxLength(64);
            e.Property(t => t.Name).HasMaxLength(AccountService.MaxTokenNameLength);
        });
        modelBuilder.Entity<SessionRecord>(e =>
        {
            e.ToTable("sessions");
            e.HasIndex(t => t.TokenHash).IsUnique();
            e.HasIndex(t => t.UserId);
            e.Property(t => t.TokenHash).HasMaxLength(64);
            e.Property(t => t.Client).HasMaxLength(AccountService.MaxSessionClientLength);
        });
    }
}
