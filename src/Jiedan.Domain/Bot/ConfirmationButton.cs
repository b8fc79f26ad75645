using System.Globalization;

namespace Jiedan.Domain.Bot;

public enum ButtonAction { Confirm, Amend }

/// <summary>
/// What a confirm/amend button means, carried in its callback data as <c>cf:{id}:{version}:{c|a}:{item}</c>
/// (item 0 = the whole requirement). Short enough for Telegram's 64-byte limit.
/// </summary>
public sealed record ConfirmationButton(long ConfirmationId, int Version, ButtonAction Action, int Item)
{
    public string Encode() =>
        string.Create(CultureInfo.InvariantCulture, $"cf:{ConfirmationId}:{Version}:{(Action == ButtonAction.Confirm ? 'c' : 'a')}:{Item}");

    public static ConfirmationButton? TryDecode(string? data)
    {
        var parts = data?.Split(':');
        if (parts is not ["cf", var id, var version, "c" or "a", var item]) return null;
        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var cid)
            || !int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var v)
            || !int.TryParse(item, NumberStyles.None, CultureInfo.InvariantCulture, out var i)) return null;
        return new ConfirmationButton(cid, v, parts[3] == "c" ? ButtonAction.Confirm : ButtonAction.Amend, i);
    }
}
