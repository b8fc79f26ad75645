using System.CommandLine;
using Jiedan.Accounts.Cli;
using Jiedan.Accounts.Storage;
using Jiedan.Common.Modules;
using Jiedan.Common.Storage;

namespace Jiedan.Accounts;

/// <summary>The owner's account, dashboard sessions and API tokens; login and setup pages; <c>jiedan admin</c>.</summary>
public sealed class AccountsModule : IJiedanModule
{
    public static void RegisterData(IServiceCollection services, DatabaseTarget target, IConfiguration configuration)
    {
        services.AddJiedanContext<AccountsDbContext>(target);
        services.AddJiedanContext<KeyRingDbContext>(target);
        services.AddScoped<AccountService>();
        services.AddSingleton<SessionCache>();
    }

    public void AddData(IServiceCollection services, DatabaseTarget target, IConfiguration configuration) =>
        RegisterData(services, target, configuration);

    public IEnumerable<Command> Commands() => [AdminCommands.Create()];
}
