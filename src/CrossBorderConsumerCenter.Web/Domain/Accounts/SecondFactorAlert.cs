namespace CrossBorderConsumerCenter.Web.Domain.Accounts;

/// <summary>
/// When the owner of an account is told that its password was accepted and then wrong second-factor codes followed: someone
/// other than the owner may hold the password. Wrong codes are counted per account in fixed windows
/// (<see cref="CountingWindow"/>, Accounts:SignInFailureWindowMinutes); the owner is told once per window, at the third wrong
/// code, or at the wrong code that starts the per-account hold-back (Accounts:SecondFactorFailuresPerAccount) when that
/// comes first.
/// </summary>
public static class SecondFactorAlert
{
    /// <summary>Wrong codes within one window after which the owner is told (one or two are usually the owner's own typos).</summary>
    public const int WrongCodes = 3;

    /// <summary>The number of the wrong code, within its window, at which the owner is told.</summary>
    public static int AlertAt(int failuresPerAccount) => Math.Clamp(failuresPerAccount, 1, WrongCodes);

    /// <summary>
    /// Whether the owner is to be told after this wrong code: from <see cref="AlertAt"/> on, and only if nobody told them yet in
    /// this window (later wrong codes of the window, held back or not, do not tell them again).
    /// </summary>
    public static bool IsDue(int wrongCodesInWindow, int failuresPerAccount, bool toldInThisWindow) =>
        !toldInThisWindow && wrongCodesInWindow >= AlertAt(failuresPerAccount);
}

/// <summary>The fixed windows the shared rate counters count in: each starts at a multiple of its length (UTC; a 15-minute window at :00, :15, :30, :45).</summary>
public static class CountingWindow
{
    public static DateTimeOffset StartOf(DateTimeOffset at, TimeSpan length)
    {
        if (length <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(length), "A window has a length.");
        }

        return new DateTimeOffset(at.UtcTicks - (at.UtcTicks % length.Ticks), TimeSpan.Zero);
    }
}
