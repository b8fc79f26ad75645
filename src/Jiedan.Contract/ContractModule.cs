using System.CommandLine;
using Jiedan.Common.Modules;
using Jiedan.Common.Storage;
using Jiedan.Contract.Cli;
using Jiedan.Contract.Services;
using Jiedan.Contract.Tools;

namespace Jiedan.Contract;

/// <summary>
/// Requirement → contract: a requirement.yml becomes a .proto (protovalidate rules) and an OpenAPI document that agree,
/// proved by protoc and Microsoft.OpenApi reading both back.
/// </summary>
public sealed class ContractModule : IJiedanModule
{
    public static void RegisterData(IServiceCollection services, DatabaseTarget target, IConfiguration configuration)
    {
        services.AddSingleton(new Protoc(ProtocLocation.From(configuration)));
        services.AddSingleton<ContractBuilder>();
    }

    public void AddData(IServiceCollection services, DatabaseTarget target, IConfiguration configuration) =>
        RegisterData(services, target, configuration);

    public IEnumerable<Command> Commands() => [ContractCommands.Create()];
}
