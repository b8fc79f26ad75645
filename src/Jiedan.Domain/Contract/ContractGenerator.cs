namespace Jiedan.Domain.Contract;

/// <summary>The two files of a contract, rendered from one plan.</summary>
public sealed record GeneratedContract(
    ContractPlan Plan, string ProtoFileName, string ProtoText, string OpenApiFileName, string OpenApiYaml);

/// <summary>
/// Requirement → contract: the .proto and openapi.yaml of a requirement. Pure; the parity proof needs protoc's descriptor set
/// of <see cref="GeneratedContract.ProtoText"/> and is <see cref="ContractParity.Check"/>.
/// </summary>
public static class ContractGenerator
{
    public static GeneratedContract Generate(RequirementDocument requirement)
    {
        var plan = ContractPlanner.Plan(requirement);
        return new GeneratedContract(
            plan, ProtoWriter.FileName(plan), ProtoWriter.Write(plan), OpenApiWriter.FileName, OpenApiWriter.Write(plan));
    }
}
