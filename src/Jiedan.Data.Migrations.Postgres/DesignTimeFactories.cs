using Jiedan.Data.Storage;

namespace Jiedan.Data.Migrations.Postgres;

// One line per context: lets 'dotnet ef' build each context for this provider (scripts/add-migration).
public sealed class AccountsPostgres() : DesignTimeFactory<Jiedan.Data.Accounts.AccountsDbContext>(DatabaseProvider.Postgres);
public sealed class DealsPostgres() : DesignTimeFactory<Jiedan.Data.Deals.DealsDbContext>(DatabaseProvider.Postgres);
public sealed class BotPostgres() : DesignTimeFactory<Jiedan.Data.Bot.BotDbContext>(DatabaseProvider.Postgres);
public sealed class QuotesPostgres() : DesignTimeFactory<Jiedan.Data.Quote.QuotesDbContext>(DatabaseProvider.Postgres);
public sealed class GatePostgres() : DesignTimeFactory<Jiedan.Data.Gate.GateDbContext>(DatabaseProvider.Postgres);
