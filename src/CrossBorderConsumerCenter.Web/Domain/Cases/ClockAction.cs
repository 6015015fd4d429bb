namespace CrossBorderConsumerCenter.Web.Domain.Cases;

/// <summary>What the scheduled clock does to a case past its deadline.</summary>
public enum ClockAction
{
    /// <summary>Mark it overdue (once per deadline) and tell the staff member responsible.</summary>
    MarkOverdue,

    /// <summary>Remind the consumer of the request for information (once), and wait another week.</summary>
    RemindConsumer,

    /// <summary>Close it for no reply, a week after the reminder.</summary>
    CloseForNoReply,
}
