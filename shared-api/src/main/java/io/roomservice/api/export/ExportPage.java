package io.roomservice.api.export;

import java.util.List;

public record ExportPage(List<ExportView> exports, long total) {
}
