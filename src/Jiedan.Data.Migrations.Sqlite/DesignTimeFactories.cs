using Jiedan.Data.Storage;

namespace Jiedan.Data.Migrations.Sqlite;

// One line per capability's context: lets scripts/add-migration build it for this provider.
public sealed class QuotesSqlite() : DesignTimeFactory<Jiedan.Data.Quote.QuotesDbContext>(DatabaseProvider.Sqlite);
