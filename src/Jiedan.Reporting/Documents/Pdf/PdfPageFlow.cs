using SkiaSharp;

namespace Jiedan.Reporting.Documents.Pdf;

/// <summary>
/// A4 pages filled top to bottom. Each page is recorded as an <see cref="SKPicture"/> first, so the footer can say
/// "page n of N" once N is known; replaying a picture into the PDF keeps text as text and vectors as vectors.
/// </summary>
internal sealed class PdfPageFlow : IDisposable
{
    public const float PageWidth = 595.28f;
    public const float PageHeight = 841.89f;
    public const float Margin = 56f;
    public const float BottomMargin = 64f;

    private readonly List<SKPicture> _pages = [];
    private SKPictureRecorder? _recorder;

    public PdfPageFlow() => StartPage();

    public SKCanvas Canvas { get; private set; } = null!;

    /// <summary>Top of the free space on the current page, in points from the page's top edge.</summary>
    public float Y { get; set; }

#pragma warning disable CA1822 // the page geometry is read through the flow (flow.Left), whose size may vary later
    public float Left => Margin;

    public float ContentWidth => PageWidth - 2 * Margin;

    public float Bottom => PageHeight - BottomMargin;
#pragma warning restore CA1822

    public float Remaining => Bottom - Y;

    public float PageContentHeight => Bottom - Margin;

    public bool AtPageTop => Y <= Margin + 0.01f;

    /// <summary>Starts a new page unless <paramref name="height"/> points still fit on this one.</summary>
    public void EnsureSpace(float height)
    {
        if (height > Remaining && !AtPageTop)
            NewPage();
    }

    public void NewPage()
    {
        FinishPage();
        StartPage();
    }

    /// <summary>Ends the last page and hands over the recorded pages (the caller disposes them).</summary>
    public List<SKPicture> Finish()
    {
        FinishPage();
        var result = new List<SKPicture>(_pages);
        _pages.Clear();
        return result;
    }

    public void Dispose()
    {
        _recorder?.Dispose();
        foreach (var page in _pages)
            page.Dispose();
    }

    private void StartPage()
    {
        _recorder = new SKPictureRecorder();
        Canvas = _recorder.BeginRecording(new SKRect(0, 0, PageWidth, PageHeight));
        Y = Margin;
    }

    private void FinishPage()
    {
        if (_recorder is null)
            return;
        _pages.Add(_recorder.EndRecording());
        _recorder.Dispose();
        _recorder = null;
    }
}
