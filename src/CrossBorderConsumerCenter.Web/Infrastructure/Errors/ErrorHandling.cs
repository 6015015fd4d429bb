namespace CrossBorderConsumerCenter.Web.Infrastructure.Errors;

public static class ErrorHandling
{
    /// <summary>
    /// Outside Development, an exception shows the friendly page for its status (a malformed or
    /// oversized request keeps its 400 or 413), and every empty error response is re-executed to the
    /// friendly page in the visitor's language. Never a stack trace.
    /// </summary>
    public static IApplicationBuilder UsePortalErrorPages(this WebApplication app)
    {
        if (app.Environment.IsDevelopment())
        {
            app.UseDeveloperExceptionPage();
        }
        else
        {
            app.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = "/error/500",
                StatusCodeSelector = ex => ex switch
                {
                    BadHttpRequestException bad => bad.StatusCode,
                    System.Data.Common.DbException => StatusCodes.Status503ServiceUnavailable, // the database is out of reach: try again later
                    _ => StatusCodes.Status500InternalServerError,
                },
            });
        }

        app.UseStatusCodePagesWithReExecute("/error/{0}");
        return app;
    }
}
