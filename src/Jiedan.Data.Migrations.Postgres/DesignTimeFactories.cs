using Jiedan.Data.Storage;

namespace Jiedan.Data.Migrations.Postgres;

// One line per capability's context: lets scripts/add-migration build it for this provider.
public sealed class QuotesPostgres() : DesignTimeFactory<Jiedan.Data.Quote.QuotesDbContext>(DatabaseProvider.Postgres);
