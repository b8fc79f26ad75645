using System.Security.Cryptography;
using System.Text;

namespace Jiedan.Domain.Bot.Telegram;

/// <summary>Compares the <c>X-Telegram-Bot-Api-Secret-Token</c> header in constant time, so timing reveals nothing.</summary>
public static class SecretToken
{
    public const string Header = "X-Telegram-Bot-Api-Secret-Token";

    public static bool Matches(string? presented, string expected)
    {
        if (presented is null || expected.Length == 0) return false;
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected));
    }
}
