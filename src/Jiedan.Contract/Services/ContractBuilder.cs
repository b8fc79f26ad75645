using Jiedan.Contract.Parity;
using Jiedan.Contract.Tools;
using Jiedan.Domain.Contract;

namespace Jiedan.Contract.Services;

/// <summary>A requirement read, its two files generated and their parity proved.</summary>
public sealed record ContractResult(RequirementDocument Requirement, GeneratedContract Contract, ParityReport Parity);

/// <summary>
/// The one path from requirement text to a proved contract, shared by the CLI, the API and the pages: read (bounded,
/// errors at file:line:column), generate, compile the .proto with protoc and compare both files field by field.
/// </summary>
public sealed class ContractBuilder(Protoc protoc)
{
    /// <exception cref="RequirementException">the requirement is not valid.</exception>
    /// <exception cref="ProtocException">protoc could not compile the generated file.</exception>
    public async Task<ContractResult> BuildAsync(string yaml, string fileName, CancellationToken ct)
    {
        var requirement = RequirementReader.Read(yaml, fileName);
        var contract = ContractGenerator.Generate(requirement);
        var descriptors = await protoc.DescriptorSetAsync(contract.ProtoText, contract.ProtoFileName, ct);
        return new(requirement, contract, ContractParity.Check(contract.Plan, descriptors, contract.OpenApiYaml));
    }
}
