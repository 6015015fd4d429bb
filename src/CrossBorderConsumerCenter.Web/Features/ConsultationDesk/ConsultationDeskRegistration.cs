namespace CrossBorderConsumerCenter.Web.Features.ConsultationDesk;

public static class ConsultationDeskRegistration
{
    /// <summary>The staff's side of online consultations: the day and week views, the booking page and its audited steps.</summary>
    public static IServiceCollection AddConsultationDesk(this IServiceCollection services) => services
        .AddScoped<BookingChanges>()
        .AddScoped<ConsultationCases>()
        .AddScoped<ListBookings.Handler>()
        .AddScoped<ShowBooking.Handler>()
        .AddScoped<ConfirmBooking.Handler>()
        .AddScoped<MoveBooking.Handler>()
        .AddScoped<CancelBooking.Handler>()
        .AddScoped<RecordIdentity.Handler>()
        .AddScoped<RecordNoContact.Handler>()
        .AddScoped<AddBookingNote.Handler>();
}
