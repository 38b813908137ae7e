package io.roomservice.infra.web;

/**
 * The {@code page} and {@code page_size} query parameters of the listings: page from 1, page size from
 * 1 to {@link #MAX_PAGE_SIZE}, and a page whose first row lies within the largest offset a query can
 * skip to ({@code page=2147483647} used to fail in the query with a 500).
 */
public final class Paging {

    public static final int MAX_PAGE_SIZE = 200;

    private Paging() {
    }

    /** Refuses a page or page size out of range with 400 {@code invalid-parameter}. */
    public static void check(int page, int pageSize) {
        boolean pageSizeWrong = pageSize < 1 || pageSize > MAX_PAGE_SIZE;
        boolean pageWrong = page < 1 || (!pageSizeWrong && (long) (page - 1) * pageSize > Integer.MAX_VALUE);
        if (pageWrong || pageSizeWrong) {
            throw new BadRequestException("invalid-parameter", pageWrong ? "page" : "page_size",
                    "page must be at least 1, with its first row at most " + Integer.MAX_VALUE
                            + " rows in, and page_size between 1 and " + MAX_PAGE_SIZE + ".");
        }
    }
}
